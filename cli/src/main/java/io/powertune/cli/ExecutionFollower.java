package io.powertune.cli;

import java.time.Duration;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Waits for an execution to end, polling DescribeExecution. */
final class ExecutionFollower {

  private static final Duration POLL = Duration.ofMillis(200);

  private final SfnClient sfn;

  ExecutionFollower(SfnClient sfn) {
    this.sfn = sfn;
  }

  /** The execution once it is no longer running. */
  DescribeExecutionResponse awaitEnd(String executionArn) throws InterruptedException {
    while (true) {
      DescribeExecutionResponse execution =
          sfn.describeExecution(r -> r.executionArn(executionArn));
      if (execution.status() != ExecutionStatus.RUNNING) {
        return execution;
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}
