package io.powertune.tuner.execute;

import java.util.List;

/**
 * What one Executor call did for its size.
 *
 * @param outcomes the planned invocations it reached, in order
 * @param pauseOwedMs the pause still owed before the next invocation (serial runs)
 * @param paused true when it spent time pausing, which is progress too
 */
public record Batch(List<Outcome> outcomes, long pauseOwedMs, boolean paused) {

  public Batch {
    outcomes = List.copyOf(outcomes);
  }

  /** True when the call ran an invocation or paused: it did not stall. */
  public boolean moved() {
    return paused || outcomes.stream().anyMatch(o -> !(o instanceof Outcome.Deferred));
  }
}
