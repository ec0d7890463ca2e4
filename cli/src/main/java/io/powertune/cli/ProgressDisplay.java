package io.powertune.cli;

import java.time.Duration;
import java.util.Map;

/** Shows a running tuning's progress: invocations measured per size, and the time so far. */
interface ProgressDisplay extends AutoCloseable {

  /**
   * @param measured invocations that reported, per memory size
   * @param elapsed time since the execution started
   */
  void update(Map<Integer, Integer> measured, Duration elapsed);

  @Override
  void close();
}
