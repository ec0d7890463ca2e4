package io.powertune.analyzer.stats;

import io.powertune.analyzer.report.Report;
import java.util.List;
import java.util.function.Predicate;

/**
 * The durations of one memory size's invocations, summarised over all of them and over cold and
 * warm starts apart (a cold start is a REPORT with Init Duration). Durations include Init and
 * Restore time, as the original counts them.
 *
 * @param all every invocation
 * @param cold invocations that carried an Init Duration
 * @param warm invocations without one
 * @param billed the billed milliseconds of every invocation
 */
public record SampleStatistics(
    DurationSummary all, DurationSummary cold, DurationSummary warm, DurationSummary billed) {

  /** Summarises the reports with the given (clamped) discard share. */
  public static SampleStatistics of(List<Report> reports, double discardTopBottom) {
    return new SampleStatistics(
        summarize(reports, r -> true, discardTopBottom),
        summarize(reports, Report::coldStart, discardTopBottom),
        summarize(reports, r -> !r.coldStart(), discardTopBottom),
        Statistics.summarize(
            reports.stream().mapToDouble(Report::totalBilledMs).toArray(), discardTopBottom));
  }

  private static DurationSummary summarize(
      List<Report> reports, Predicate<Report> which, double discardTopBottom) {
    double[] durations =
        reports.stream().filter(which).mapToDouble(Report::totalDurationMs).toArray();
    return Statistics.summarize(durations, discardTopBottom);
  }
}
