package io.powertune.cli;

import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** Follows an execution: waits for its end, and reads what it went through. */
final class ExecutionFollower {

  private static final Duration POLL = Duration.ofMillis(200);

  private final SfnClient sfn;
  private final String where;

  /**
   * @param where the endpoint (or AWS), for messages
   */
  ExecutionFollower(SfnClient sfn, String where) {
    this.sfn = sfn;
    this.where = where;
  }

  /** The execution once it is no longer running. */
  DescribeExecutionResponse awaitEnd(String executionArn) throws InterruptedException {
    return awaitEnd(executionArn, () -> {});
  }

  /** The execution once it is no longer running; {@code onPoll} runs at every look. */
  DescribeExecutionResponse awaitEnd(String executionArn, Runnable onPoll)
      throws InterruptedException {
    while (true) {
      DescribeExecutionResponse execution;
      try {
        onPoll.run();
        execution = sfn.describeExecution(r -> r.executionArn(executionArn));
      } catch (SdkClientException e) {
        throw new PlatformStoppedException(
            "nothing answers at "
                + where
                + " any more ("
                + e.getMessage()
                + "); the execution "
                + executionArn
                + " goes on where it runs (on the platform, once it starts on its state directory"
                + " again)",
            e);
      }
      if (execution.status() != ExecutionStatus.RUNNING) {
        return execution;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** True when the execution entered the state {@code name}. */
  boolean entered(String executionArn, String name) {
    return sfn
        .getExecutionHistoryPaginator(r -> r.executionArn(executionArn).includeExecutionData(false))
        .events()
        .stream()
        .anyMatch(
            e ->
                e.type() == HistoryEventType.TASK_STATE_ENTERED
                    && e.stateEnteredEventDetails().name().equals(name));
  }
}
