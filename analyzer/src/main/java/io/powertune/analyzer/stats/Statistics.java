package io.powertune.analyzer.stats;

import java.util.Arrays;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.math3.stat.descriptive.summary.Sum;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The statistics of the analysis, with Apache Commons Math underneath; no Commons Math type leaks
 * out. Percentiles use linear interpolation between closest ranks (Hyndman and Fan type 7, as
 * spreadsheets and numpy do).
 */
public final class Statistics {

  /** The original's default share of values discarded from each end. */
  public static final double DEFAULT_DISCARD_TOP_BOTTOM = 0.2;

  /** The original's upper bound for the discarded share. */
  public static final double MAX_DISCARD_TOP_BOTTOM = 0.4;

  private static final double CONFIDENCE = 0.95;

  private Statistics() {}

  /** Clamps a discard share to [0, 0.4] as the original does; null means the default 0.2. */
  public static double clampDiscard(Double discardTopBottom) {
    if (discardTopBottom == null) {
      return DEFAULT_DISCARD_TOP_BOTTOM;
    }
    return Math.min(Math.max(discardTopBottom, 0), MAX_DISCARD_TOP_BOTTOM);
  }

  /**
   * The original tool's trimmed mean, exactly: {@code k = trunc(n * discard)} values are dropped
   * from each end of the sorted sample and the rest are summed in ascending order and divided by
   * their count. An empty sample gives 0.
   *
   * @param discardTopBottom share discarded from each end, already clamped
   */
  public static double trimmedMean(double[] values, double discardTopBottom) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int k = (int) (sorted.length * discardTopBottom);
    int kept = sorted.length - 2 * k;
    return new Sum().evaluate(sorted, k, kept) / kept;
  }

  /** Summarises a sample; the trimmed mean uses the given (clamped) discard share. */
  public static DurationSummary summarize(double[] values, double discardTopBottom) {
    if (values.length == 0) {
      return DurationSummary.EMPTY;
    }
    DescriptiveStatistics stats = new DescriptiveStatistics(values);
    Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
    percentile.setData(values);
    double mean = stats.getMean();
    double sd = values.length < 2 ? 0 : stats.getStandardDeviation();
    double halfWidth = confidenceHalfWidth(values.length, sd);
    return new DurationSummary(
        values.length,
        trimmedMean(values, discardTopBottom),
        mean,
        percentile.evaluate(50),
        percentile.evaluate(90),
        percentile.evaluate(99),
        sd,
        mean - halfWidth,
        mean + halfWidth,
        stats.getMin(),
        stats.getMax());
  }

  /**
   * The two-sided p-value of Welch's t-test of the two samples' means (unequal variances): how
   * likely a difference at least this large is when the means are equal. Samples that do not vary
   * give 0 when their means differ and 1 when they do not. Empty when either has fewer than two
   * values.
   */
  public static OptionalDouble welchPValue(DurationSummary a, DurationSummary b) {
    if (a.count() < 2 || b.count() < 2) {
      return OptionalDouble.empty();
    }
    if (a.standardDeviation() == 0 && b.standardDeviation() == 0) {
      return OptionalDouble.of(a.mean() == b.mean() ? 1 : 0);
    }
    return OptionalDouble.of(new TTest().tTest(summary(a, 1), summary(b, 1)));
  }

  /**
   * The one-sided p-value of Welch's t-test that {@code b}'s mean is no more than {@code factor}
   * times {@code a}'s: small when {@code b} is more than that, beyond the samples' noise. Empty
   * when either sample has fewer than two values.
   */
  public static OptionalDouble welchExceedsPValue(
      DurationSummary a, DurationSummary b, double factor) {
    if (a.count() < 2 || b.count() < 2) {
      return OptionalDouble.empty();
    }
    double level = a.mean() * factor;
    if (a.standardDeviation() == 0 && b.standardDeviation() == 0) {
      return OptionalDouble.of(b.mean() > level ? 0 : 1);
    }
    double twoSided = new TTest().tTest(summary(a, factor), summary(b, 1));
    return OptionalDouble.of(b.mean() > level ? twoSided / 2 : 1 - twoSided / 2);
  }

  /** The summary of the sample with every value multiplied by {@code scale}. */
  private static StatisticalSummaryValues summary(DurationSummary s, double scale) {
    double sd = s.standardDeviation() * scale;
    return new StatisticalSummaryValues(
        s.mean() * scale,
        sd * sd,
        s.count(),
        s.max() * scale,
        s.min() * scale,
        s.mean() * scale * s.count());
  }

  private static double confidenceHalfWidth(int n, double sd) {
    if (n < 2) {
      return 0;
    }
    double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    return t * sd / Math.sqrt(n);
  }
}
