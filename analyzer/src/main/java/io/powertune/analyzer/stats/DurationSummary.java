package io.powertune.analyzer.stats;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Summary of a sample of durations in milliseconds. An empty sample has count 0 and zeros
 * elsewhere.
 *
 * @param count number of values
 * @param trimmedMean the original tool's trimmed mean (see {@link Statistics#trimmedMean})
 * @param mean arithmetic mean
 * @param median 50th percentile ({@code p50} in JSON)
 * @param p90 90th percentile
 * @param p99 99th percentile
 * @param standardDeviation sample standard deviation (n - 1); 0 for fewer than two values
 * @param ci95Low lower bound of the 95% confidence interval of the mean (Student's t)
 * @param ci95High upper bound of the 95% confidence interval of the mean
 * @param min smallest value
 * @param max largest value
 */
public record DurationSummary(
    int count,
    double trimmedMean,
    double mean,
    @JsonProperty("p50") double median,
    double p90,
    double p99,
    double standardDeviation,
    double ci95Low,
    double ci95High,
    double min,
    double max) {

  static final DurationSummary EMPTY = new DurationSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** Coefficient of variation (standard deviation over mean), 0 when the mean is 0. */
  public double coefficientOfVariation() {
    return mean == 0 ? 0 : standardDeviation / mean;
  }
}
