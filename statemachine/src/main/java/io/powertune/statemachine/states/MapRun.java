package io.powertune.statemachine.states;

/**
 * A Map state in DISTRIBUTED mode: its items run as child workflows of one map run, whose events
 * stay out of the parent's history (MapRunStarted and MapRunSucceeded or MapRunFailed stand for
 * them), and failing children beyond the tolerance fail the run with {@code
 * States.ExceedToleratedFailureThreshold}.
 *
 * @param executionType the children's ExecutionType, STANDARD or EXPRESS
 * @param label Label, or null: part of the map run's ARN
 * @param batcher ItemBatcher, or null for one item per child
 * @param toleratedFailureCountPath ToleratedFailureCountPath, or null
 * @param toleratedFailurePercentagePath ToleratedFailurePercentagePath, or null
 */
public record MapRun(
    String executionType,
    String label,
    ItemBatcher batcher,
    String toleratedFailureCountPath,
    String toleratedFailurePercentagePath) {}
