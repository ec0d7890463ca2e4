package io.powertune.platform.store;

/**
 * One stored log event.
 *
 * @param id its position in the store, increasing in insertion order
 * @param stream the log stream it belongs to
 * @param timestamp milliseconds since the epoch, as the writer stated it
 * @param ingestionTime milliseconds since the epoch when it was stored
 * @param message the text
 */
public record LogEvent(
    long id, String stream, long timestamp, long ingestionTime, String message) {}
