package io.powertune.statemachine.run;

/**
 * How an execution ended.
 *
 * @param output the output JSON text when it succeeded, else null
 * @param error the error name when it failed, timed out or was aborted, else null
 */
public record ExecutionOutcome(ExecutionStatus status, String output, String error, String cause) {}
