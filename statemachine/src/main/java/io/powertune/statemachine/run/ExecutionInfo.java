package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What the context object ({@code $$.Execution}, {@code $$.StateMachine}) says of an execution.
 *
 * @param region the state machine's region: where a Task's bare function name is looked up
 */
public record ExecutionInfo(
    String executionArn,
    String name,
    String stateMachineArn,
    String stateMachineName,
    String roleArn,
    Instant startTime,
    JsonNode input,
    String region) {}
