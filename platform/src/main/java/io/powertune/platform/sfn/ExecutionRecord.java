package io.powertune.platform.sfn;

import java.time.Instant;

/**
 * A stored execution.
 *
 * @param definition the definition it runs (the state machine's when it started)
 * @param stopped null while it runs
 * @param checkpointState the top-level state it last entered, or null before the first
 * @param checkpointInput that state's input, JSON text, or null
 * @param checkpointEventId the id of that state's Entered event (0 before the first)
 */
record ExecutionRecord(
    String arn,
    String stateMachineArn,
    String name,
    String status,
    String input,
    String output,
    String error,
    String cause,
    Instant started,
    Instant stopped,
    String definition,
    String checkpointState,
    String checkpointInput,
    long checkpointEventId) {}
