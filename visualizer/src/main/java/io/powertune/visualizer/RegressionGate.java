package io.powertune.visualizer;

import io.powertune.analyzer.stats.DurationSummary;
import io.powertune.analyzer.stats.Statistics;
import io.powertune.analyzer.tuning.SizeResult;
import io.powertune.analyzer.tuning.TuningAnalysis;
import io.powertune.analyzer.tuning.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The CI gate: did the recommended size get slower or dearer than in a baseline run, by more than
 * the allowed share and beyond the runs' own noise? The new pick is compared with the baseline's
 * pick (the same size, or not when the pick moved): its duration is worse when Welch's one-sided
 * t-test on the two runs' warm invocations says, at 5%, that the new mean is more than the allowed
 * share above the old; its cost is worse when the durations are beyond the level at which the cost
 * would be (cost follows billed duration, at each size's price per millisecond).
 */
public final class RegressionGate {

  /** The significance level of the one-sided tests. */
  public static final double SIGNIFICANCE = 0.05;

  private RegressionGate() {}

  /**
   * The regressions found, in words; empty when the run passes.
   *
   * @param maxRegression the worsening allowed, as a share (0.05 for 5%)
   */
  public static List<String> check(
      TuningAnalysis baseline, TuningAnalysis current, double maxRegression) {
    SizeResult before = baseline.size(baseline.power()).orElseThrow();
    SizeResult now = current.size(current.power()).orElseThrow();
    DurationSummary a = Interval.sample(before);
    DurationSummary b = Interval.sample(now);
    List<String> failures = new ArrayList<>();
    if (a == null || b == null || a.mean() == 0 || b.mean() == 0) {
      return failures; // nothing to test with
    }
    String where =
        before.value() == now.value()
            ? "at " + now.value() + " MB"
            : "of the pick (" + before.value() + " MB before, " + now.value() + " MB now)";
    double factor = 1 + maxRegression;
    OptionalDouble slower = Statistics.welchExceedsPValue(a, b, factor);
    if (slower.isPresent() && slower.getAsDouble() < SIGNIFICANCE) {
      failures.add(
          "duration "
              + where
              + " got "
              + Wording.percent(b.mean() / a.mean() - 1)
              + " worse (warm mean "
              + Wording.ms(a.mean())
              + " to "
              + Wording.ms(b.mean())
              + String.format(Locale.ROOT, "; p = %.2g", slower.getAsDouble())
              + " that it is no more than "
              + Wording.percent(maxRegression)
              + " worse)");
    }
    // the cost per ms of each run's pick: the cost is beyond the allowed share when the durations
    // are beyond the level that share corresponds to
    double perMs = (now.averagePrice() / b.mean()) / (before.averagePrice() / a.mean());
    OptionalDouble dearer = Statistics.welchExceedsPValue(a, b, factor / perMs);
    double costChange = now.averagePrice() / before.averagePrice() - 1;
    if (dearer.isPresent() && dearer.getAsDouble() < SIGNIFICANCE && costChange > maxRegression) {
      failures.add(
          "cost "
              + where
              + " got "
              + Wording.percent(costChange)
              + " worse ("
              + Wording.money(before.averagePrice())
              + " to "
              + Wording.money(now.averagePrice())
              + " per invocation"
              + String.format(Locale.ROOT, "; p = %.2g", dearer.getAsDouble())
              + " that it is no more than "
              + Wording.percent(maxRegression)
              + " worse)");
    }
    return failures;
  }
}
