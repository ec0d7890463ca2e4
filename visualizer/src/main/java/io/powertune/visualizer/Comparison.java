package io.powertune.visualizer;

import io.powertune.analyzer.stats.DurationSummary;
import io.powertune.analyzer.stats.Statistics;
import io.powertune.analyzer.tuning.SizeResult;
import io.powertune.analyzer.tuning.TuningAnalysis;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Two runs side by side, size by size (for example before and after a code change): the change in
 * average duration and cost, and whether the duration's change is larger than the runs' own noise
 * (Welch's t-test on the two runs' warm invocations, at 5%).
 *
 * @param nameA the first run's name (its file)
 * @param a the first run
 * @param nameB the second run's name
 * @param b the second run
 * @param rows one per size measured in either run, by memory size
 */
public record Comparison(
    String nameA, TuningAnalysis a, String nameB, TuningAnalysis b, List<Row> rows) {

  /** The significance level below which a change is called larger than the noise. */
  public static final double SIGNIFICANCE = 0.05;

  /**
   * One size in both runs.
   *
   * @param memory the size
   * @param a its result in the first run, if measured
   * @param b its result in the second run, if measured
   * @param durationChange (b - a) / a of the average duration, when both are suitable
   * @param costChange (b - a) / a of the average price, when both are suitable
   * @param pValue Welch's p-value of the durations, when both samples allow it
   */
  public record Row(
      int memory,
      Optional<SizeResult> a,
      Optional<SizeResult> b,
      OptionalDouble durationChange,
      OptionalDouble costChange,
      OptionalDouble pValue) {

    /** True when the duration changed by more than the runs' noise. */
    public boolean significant() {
      return pValue.isPresent() && pValue.getAsDouble() < SIGNIFICANCE;
    }
  }

  /** Compares run {@code b} with run {@code a}. */
  public static Comparison of(String nameA, TuningAnalysis a, String nameB, TuningAnalysis b) {
    TreeSet<Integer> memories = new TreeSet<>();
    a.sizes().forEach(s -> memories.add(s.value()));
    b.sizes().forEach(s -> memories.add(s.value()));
    List<Row> rows = memories.stream().map(m -> row(m, a.size(m), b.size(m))).toList();
    return new Comparison(nameA, a, nameB, b, rows);
  }

  static Row row(int memory, Optional<SizeResult> a, Optional<SizeResult> b) {
    boolean both =
        a.filter(SizeResult::suitable).isPresent() && b.filter(SizeResult::suitable).isPresent();
    if (!both) {
      return new Row(
          memory, a, b, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }
    SizeResult x = a.get();
    SizeResult y = b.get();
    DurationSummary sx = Interval.sample(x);
    DurationSummary sy = Interval.sample(y);
    OptionalDouble p =
        sx == null || sy == null ? OptionalDouble.empty() : Statistics.welchPValue(sx, sy);
    return new Row(
        memory,
        a,
        b,
        OptionalDouble.of((y.averageDuration() - x.averageDuration()) / x.averageDuration()),
        OptionalDouble.of((y.averagePrice() - x.averagePrice()) / x.averagePrice()),
        p);
  }
}
