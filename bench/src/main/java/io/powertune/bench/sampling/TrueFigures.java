package io.powertune.bench.sampling;

import io.powertune.analyzer.adaptive.RaceMetric;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/** A profile's true figures for a strategy at the usable sizes, and the best of them. */
final class TrueFigures {

  private static final int DRAWS = 5_000;

  private final List<Integer> sizes;
  private final double[] value;
  private final double best;

  private TrueFigures(List<Integer> sizes, double[] value) {
    this.sizes = sizes;
    this.value = value;
    double min = Double.MAX_VALUE;
    for (double v : value) {
      min = Math.min(min, v);
    }
    this.best = min;
  }

  /**
   * The figures: the mean warm duration with outliers (the mean of a lognormal factor is 1; an
   * outlier multiplies by 3.5 on average) and, for the price, the mean billed duration, whose
   * rounding up is measured over 5,000 seeded warm runs.
   */
  static TrueFigures of(FunctionProfile profile, List<Integer> sizes, RaceMetric metric) {
    List<Integer> usable = sizes.stream().filter(m -> !profile.fails(m)).toList();
    int k = usable.size();
    int[] memory = usable.stream().mapToInt(Integer::intValue).toArray();
    double[] mean = new double[k];
    double[] offset = new double[k];
    RandomGenerator random = new Well19937c(7);
    for (int i = 0; i < k; i++) {
      mean[i] = profile.meanDuration(memory[i]) * (1 + profile.outlierRate() * 2.5);
      double rounding = 0;
      for (int d = 0; d < DRAWS; d++) {
        double run = profile.draw(memory[i], random, false);
        rounding += Math.max(1, Math.ceil(run)) - run;
      }
      offset[i] = rounding / DRAWS;
    }
    return new TrueFigures(usable, metric.figures(memory, mean, offset).value());
  }

  /** True when {@code memory}'s figure is within {@code tolerance} of the best. */
  boolean within(int memory, double tolerance) {
    int i = sizes.indexOf(memory);
    return i >= 0 && value[i] <= best * (1 + tolerance);
  }
}
