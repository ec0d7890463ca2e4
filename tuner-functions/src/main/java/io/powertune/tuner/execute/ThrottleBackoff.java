package io.powertune.tuner.execute;

import java.time.Duration;

/**
 * How long to wait before retrying a throttled invocation: exponential backoff with full jitter (a
 * uniform draw between zero and {@code min(cap, base * 2^attempt)}), so that throttled invocations
 * of every size do not retry in step.
 *
 * @param base the ceiling of the first wait
 * @param cap the largest ceiling
 */
public record ThrottleBackoff(Duration base, Duration cap) {

  /** 50 ms doubling up to 5 s. */
  public static final ThrottleBackoff DEFAULT =
      new ThrottleBackoff(Duration.ofMillis(50), Duration.ofSeconds(5));

  /**
   * The wait before retry number {@code attempt} (1 for the first retry).
   *
   * @param draw a uniform random number in [0, 1)
   */
  public Duration delay(int attempt, double draw) {
    double ceiling =
        Math.min(cap.toMillis(), base.toMillis() * Math.pow(2, Math.min(attempt - 1, 30)));
    return Duration.ofMillis((long) (ceiling * draw));
  }
}
