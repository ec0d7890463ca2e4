package io.powertune.platform.store;

/**
 * A log stream and what it holds.
 *
 * @param name the stream name
 * @param creationTime ms since the epoch
 * @param firstEventTimestamp ms, or 0 when empty
 * @param lastEventTimestamp ms, or 0 when empty
 * @param lastIngestionTime ms, or 0 when empty
 * @param storedBytes UTF-8 bytes of its messages
 */
public record LogStreamInfo(
    String name,
    long creationTime,
    long firstEventTimestamp,
    long lastEventTimestamp,
    long lastIngestionTime,
    long storedBytes) {}
