package io.powertune.cli;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Shows a running tuning's progress: invocations measured per size, sizes done, time so far. */
interface ProgressDisplay extends AutoCloseable {

  /**
   * Where a run stands.
   *
   * @param measured invocations that reported, per memory size
   * @param done the sizes whose measurement ended (all invocations, or found unsuitable)
   * @param elapsed time since the execution started
   */
  record Snapshot(Map<Integer, Integer> measured, Set<Integer> done, Duration elapsed) {
    public Snapshot {
      measured = Map.copyOf(measured);
      done = Set.copyOf(done);
    }
  }

  void update(Snapshot snapshot);

  @Override
  void close();
}
