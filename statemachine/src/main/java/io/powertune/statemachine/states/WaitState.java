package io.powertune.statemachine.states;

/**
 * Waits for a time: exactly one of the four ways of saying how long is set.
 *
 * @param seconds Seconds, or null
 * @param timestamp Timestamp (RFC 3339), or null
 * @param secondsPath SecondsPath, or null
 * @param timestampPath TimestampPath, or null
 */
public record WaitState(
    String name,
    String inputPath,
    String outputPath,
    Long seconds,
    String timestamp,
    String secondsPath,
    String timestampPath,
    Transition transition)
    implements State {}
