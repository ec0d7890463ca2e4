package io.powertune.visualizer;

import io.powertune.analyzer.tuning.SizeResult;
import io.powertune.analyzer.tuning.TuningAnalysis;
import io.powertune.analyzer.tuning.Wording;
import java.util.Optional;

/**
 * The one line a person reads first: "512 MB: 38% cheaper and 2.1x faster than the current 128 MB".
 */
public final class Headline {

  private Headline() {}

  /**
   * The headline when it is a comparison with the current size; else just the pick (for a chart's
   * title, where there is no room for a reason).
   */
  public static String brief(TuningAnalysis result) {
    String full = of(result);
    return full.contains("than the current") || full.contains("already")
        ? full
        : result.power() + " MB: the " + result.strategy() + " pick";
  }

  public static String of(TuningAnalysis result) {
    SizeResult pick = result.size(result.power()).orElseThrow();
    Integer current = result.currentMemorySize();
    String size = pick.value() + " MB";
    if (current == null) {
      return size + " (the " + result.strategy() + " pick)";
    }
    if (current == pick.value()) {
      return size + ": the function's current size is already the " + result.strategy() + " pick";
    }
    Optional<SizeResult> baseline = result.size(current);
    if (baseline.isEmpty()) {
      return size
          + " (the "
          + result.strategy()
          + " pick; the current "
          + current
          + " MB was not measured)";
    }
    if (!baseline.get().suitable()) {
      return size
          + " (the "
          + result.strategy()
          + " pick); the current "
          + current
          + " MB is unsuitable: "
          + baseline.get().unsuitable();
    }
    return size
        + ": "
        + Wording.costDelta(pick.averagePrice(), baseline.get().averagePrice())
        + " and "
        + Wording.speedDelta(pick.averageDuration(), baseline.get().averageDuration())
        + " than the current "
        + current
        + " MB";
  }
}
