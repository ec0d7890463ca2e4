package io.powertune.visualizer;

import io.powertune.analyzer.tuning.SizeResult;
import io.powertune.analyzer.tuning.TuningAnalysis;
import io.powertune.analyzer.tuning.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The CI gate: did the recommended size get slower or dearer than a baseline run by more than the
 * allowed share, and by more than the runs' own noise? It compares the new run's recommended size
 * with the same size in the baseline, or, when the baseline did not measure it, with the baseline's
 * own recommended size.
 */
public final class RegressionGate {

  private RegressionGate() {}

  /**
   * The regressions found, in words; empty when the run passes.
   *
   * @param maxRegression the worsening allowed, as a share (0.05 for 5%)
   */
  public static List<String> check(
      TuningAnalysis baseline, TuningAnalysis current, double maxRegression) {
    SizeResult now = current.size(current.power()).orElseThrow();
    Optional<SizeResult> same = baseline.size(now.value()).filter(SizeResult::suitable);
    SizeResult before = same.orElseGet(() -> baseline.size(baseline.power()).orElseThrow());
    Comparison.Row row = Comparison.row(now.value(), Optional.of(before), Optional.of(now));
    String where =
        same.isPresent()
            ? "at " + now.value() + " MB"
            : "the pick (" + before.value() + " MB before, " + now.value() + " MB now)";
    List<String> failures = new ArrayList<>();
    if (!row.significant()) {
      return failures; // within the runs' own noise
    }
    double durationChange = row.durationChange().orElseThrow();
    double costChange = row.costChange().orElseThrow();
    String noise =
        String.format(
            Locale.ROOT, "p = %.3g from the runs' own spread", row.pValue().getAsDouble());
    if (durationChange > maxRegression) {
      failures.add(
          "duration "
              + where
              + " got "
              + Wording.percent(durationChange)
              + " worse ("
              + Wording.ms(before.averageDuration())
              + " to "
              + Wording.ms(now.averageDuration())
              + "; "
              + noise
              + "), more than the "
              + Wording.percent(maxRegression)
              + " allowed");
    }
    if (costChange > maxRegression) {
      failures.add(
          "cost "
              + where
              + " got "
              + Wording.percent(costChange)
              + " worse ("
              + Wording.money(before.averagePrice())
              + " to "
              + Wording.money(now.averagePrice())
              + " per invocation; "
              + noise
              + "), more than the "
              + Wording.percent(maxRegression)
              + " allowed");
    }
    return failures;
  }
}
