package io.powertune.statemachine.run;

import io.powertune.statemachine.states.Retrier;
import java.time.Duration;

/** The wait before a retry: a pure function of the retrier, the attempt and a jitter sample. */
public final class Backoff {

  private Backoff() {}

  /**
   * The wait before retry {@code attempt} (1 for the first retry): {@code min(IntervalSeconds x
   * BackoffRate^(attempt-1), MaxDelaySeconds)}, and with FULL jitter that times {@code sample}.
   *
   * @param sample a number in [0, 1) (used with FULL jitter only)
   */
  public static Duration delay(Retrier retrier, int attempt, double sample) {
    double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), attempt - 1);
    if (retrier.maxDelaySeconds() != null) {
      seconds = Math.min(seconds, retrier.maxDelaySeconds());
    }
    if (retrier.fullJitter()) {
      seconds *= sample;
    }
    return Duration.ofNanos((long) Math.min(seconds * 1e9, Long.MAX_VALUE));
  }
}
