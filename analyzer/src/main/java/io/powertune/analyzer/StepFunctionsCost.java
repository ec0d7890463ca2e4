package io.powertune.analyzer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The original's estimate of what one tuning execution costs in Step Functions state transitions.
 */
public final class StepFunctionsCost {

  private StepFunctionsCost() {}

  /**
   * {@code 6 + 3N} transitions, or {@code 6 + N + 2 * N * num} with {@code onlyColdStarts}, times
   * the price of one transition, rounded to 5 decimals as JavaScript's {@code toFixed(5)} rounds.
   *
   * @param branches N, the number of stats entries (failed or empty ones included)
   */
  public static double estimate(
      double pricePerTransition, int branches, boolean onlyColdStarts, int num) {
    long transitions = onlyColdStarts ? 6L + branches + 2L * branches * num : 6L + 3L * branches;
    return roundLikeToFixed5(pricePerTransition * transitions);
  }

  /** The price of {@code transitions} state transitions, rounded to 5 decimals as the original. */
  public static double ofTransitions(double pricePerTransition, long transitions) {
    return roundLikeToFixed5(pricePerTransition * transitions);
  }

  /**
   * The exact binary value of {@code x}, rounded half up at 5 decimals, as {@code toFixed} does.
   */
  static double roundLikeToFixed5(double x) {
    return new BigDecimal(x).setScale(5, RoundingMode.HALF_UP).doubleValue();
  }
}
