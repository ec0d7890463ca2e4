package io.powertune.analyzer.tuning;

import io.powertune.analyzer.Measurement;
import io.powertune.analyzer.pricing.Architecture;
import io.powertune.analyzer.pricing.PriceCatalog;
import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.stats.DurationSummary;
import io.powertune.analyzer.stats.Statistics;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Turns one size's samples into its {@link SizeResult}. */
public final class SizeResults {

  private SizeResults() {}

  /**
   * Computes the result: for a suitable size the original's entry (trimmed means, price of the
   * trimmed mean billed duration, untrimmed total cost) and the fuller statistics; for an
   * unsuitable one zeros where the original reads durations, so it is never ranked, and the cost of
   * what ran.
   *
   * @param discardTopBottom the share discarded from each end, already clamped
   */
  public static SizeResult of(
      SizeSamples samples,
      double discardTopBottom,
      Architecture architecture,
      String region,
      PriceCatalog prices) {
    int memory = samples.memoryMb();
    List<Report> all =
        Stream.concat(samples.measured().stream(), samples.failed().stream()).toList();
    double totalCost = 0;
    for (Report report : all) {
      totalCost +=
          prices.computePrice(architecture, region, memory, report.totalBilledMs())
              + prices.requestPrice(region);
    }
    int cold = (int) all.stream().filter(Report::coldStart).count();
    String scaling =
        all.stream().anyMatch(r -> r.cpuScaling().filter("unavailable"::equals).isPresent())
            ? SizeResult.CPU_SCALING_UNAVAILABLE
            : SizeResult.CPU_SCALING_AVAILABLE;
    Optional<Measurement> measurement =
        unsuitable(samples) != null
            ? Optional.empty()
            : Optional.of(
                Measurement.of(
                    memory, samples.measured(), discardTopBottom, architecture, region, prices));
    return new SizeResult(
        memory,
        measurement.map(m -> m.stat().averagePrice()).orElse(0.0),
        measurement.map(m -> m.stat().averageDuration()).orElse(0.0),
        totalCost,
        architecture.apiName(),
        all.size(),
        cold,
        all.size() - cold,
        measurement.map(m -> m.statistics().all()).orElse(null),
        measurement.map(m -> m.statistics().warm()).filter(w -> w.count() > 0).orElse(null),
        initDuration(all),
        all.isEmpty() ? null : all.stream().mapToDouble(Report::totalBilledMs).average().orElse(0),
        measurement.map(Measurement::averageCost).orElse(null),
        all.stream().flatMapToInt(r -> r.maxMemoryUsedMb().stream()).max().stream()
            .boxed()
            .findFirst()
            .orElse(null),
        samples.errorCount(),
        samples.errorTypes(),
        unsuitable(samples),
        scaling,
        samples.executorCalls(),
        samples.throttles(),
        ContendedRuns.of(
            samples.contendedReruns(), (int) all.stream().filter(Report::contended).count()));
  }

  private static Double initDuration(List<Report> reports) {
    double[] inits = reports.stream().flatMapToDouble(r -> r.initDurationMs().stream()).toArray();
    if (inits.length == 0) {
      return null;
    }
    DurationSummary summary = Statistics.summarize(inits, 0);
    return summary.mean();
  }

  private static String unsuitable(SizeSamples samples) {
    if (samples.unsuitable() != null) {
      return samples.unsuitable();
    }
    if (samples.measured().isEmpty()) {
      return "no invocation was measured";
    }
    return samples.measured().stream().allMatch(r -> r.totalDurationMs() == 0)
        ? "every invocation reported a Duration of 0 ms, so there is nothing to compare"
        : null;
  }
}
