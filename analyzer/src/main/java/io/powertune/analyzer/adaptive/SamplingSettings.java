package io.powertune.analyzer.adaptive;

/**
 * How an adaptive tuning samples: it stops once it is this sure of its pick.
 *
 * @param confidence the confidence a size must be worse than the best with before it is dropped
 *     (0.95: a 5% chance, shared out over the sizes compared, of dropping one wrongly)
 * @param tieTolerance sizes whose metric differs by less than this share count as equally good
 * @param minNum the fewest invocations the pick has had when the race ends
 * @param maxNum the most invocations any size gets
 */
public record SamplingSettings(double confidence, double tieTolerance, int minNum, int maxNum) {

  /** The defaults: 95% confidence, a 1% tie tolerance, 5 to 50 invocations. */
  public static final SamplingSettings DEFAULTS = new SamplingSettings(0.95, 0.01, 5, 50);

  /** The share of wrong drops allowed in all: {@code 1 - confidence}. */
  public double alpha() {
    return 1 - confidence;
  }
}
