package io.powertune.statemachine.run;

import java.time.Clock;
import java.util.Random;
import java.util.concurrent.ExecutorService;

/** What every state of one execution shares. */
record RunContext(
    ExecutionInfo info,
    EventLog log,
    TaskPort port,
    Sleeper sleeper,
    Clock clock,
    Random random,
    ExecutorService workers,
    BranchThreads branchThreads,
    Checkpoints checkpoints,
    Execution execution) {

  /** Throws when the execution was stopped. */
  void checkRunning() {
    if (execution.stopping() || Thread.currentThread().isInterrupted()) {
      throw new StoppedException();
    }
  }

  void sleep(java.time.Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoppedException();
    }
  }
}
