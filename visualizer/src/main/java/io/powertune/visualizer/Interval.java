package io.powertune.visualizer;

import io.powertune.analyzer.adaptive.SizeInterval;
import io.powertune.analyzer.stats.DurationSummary;
import io.powertune.analyzer.tuning.SizeResult;
import io.powertune.analyzer.tuning.TuningAnalysis;

/**
 * A size's 95% interval, as factors of its average: the confidence interval of the mean of its warm
 * invocations (a cold start's Init Duration, one in a run, would widen it with what it is not
 * about), or of all of them when fewer than two were warm. The price follows the billed duration,
 * so the cost's interval takes the same factors.
 *
 * @param low the interval's lower end over the mean
 * @param high its upper end over the mean
 */
record Interval(double low, double high) {

  /**
   * The sample a size's spread is judged on: its warm invocations (a size has one cold start, whose
   * Init Duration is not noise), or all of them when fewer than two were warm; null when nothing
   * was measured.
   */
  static DurationSummary sample(SizeResult size) {
    return size.warmDuration() != null && size.warmDuration().count() >= 2
        ? size.warmDuration()
        : size.duration();
  }

  /**
   * A size's interval in a result: in an adaptive run the race's, whose estimate pools every run of
   * every size (its figure's interval over the figure: a duration's for speed, a price's for cost,
   * the score's for balanced); else the size's own.
   */
  static Interval of(TuningAnalysis result, SizeResult size) {
    if (result.sampling() != null) {
      for (SizeInterval raced : result.sampling().sizes()) {
        if (raced.value() == size.value() && raced.estimate() > 0) {
          return new Interval(
              Math.max(0, raced.low() / raced.estimate()), raced.high() / raced.estimate());
        }
      }
    }
    return of(size);
  }

  static Interval of(SizeResult size) {
    DurationSummary summary = sample(size);
    if (summary == null || summary.mean() == 0) {
      return new Interval(1, 1);
    }
    return new Interval(
        Math.max(0, summary.ci95Low() / summary.mean()), summary.ci95High() / summary.mean());
  }
}
