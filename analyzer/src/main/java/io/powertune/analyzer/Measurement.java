package io.powertune.analyzer;

import io.powertune.analyzer.model.PowerStat;
import io.powertune.analyzer.pricing.Architecture;
import io.powertune.analyzer.pricing.CostBreakdown;
import io.powertune.analyzer.pricing.PriceCatalog;
import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.stats.SampleStatistics;
import io.powertune.analyzer.stats.Statistics;
import java.util.List;
import java.util.OptionalInt;

/**
 * Everything measured at one memory size: the original's stats entry plus the fuller statistics.
 *
 * @param stat the entry in the original's shape
 * @param statistics durations over all, cold and warm invocations, and billed durations
 * @param maxMemoryUsedMb the highest Max Memory Used among the reports, when they carry it
 * @param averageCost the average invocation's price, compute and request charge apart
 */
public record Measurement(
    PowerStat stat,
    SampleStatistics statistics,
    OptionalInt maxMemoryUsedMb,
    CostBreakdown averageCost) {

  /**
   * Computes the entry as the original's Executor does: the average duration is the trimmed mean of
   * Duration + Init + Restore; the average price is the price of the trimmed mean of Billed (+
   * Billed Restore) Duration, trimmed independently; the total cost adds up every invocation's
   * price, untrimmed. Where the catalog has a request charge, every price includes it.
   *
   * @param memoryMb the memory size the reports were measured at
   * @param discardTopBottom the share discarded from each end, already clamped
   */
  public static Measurement of(
      int memoryMb,
      List<Report> reports,
      double discardTopBottom,
      Architecture architecture,
      String region,
      PriceCatalog prices) {
    double[] durations = reports.stream().mapToDouble(Report::totalDurationMs).toArray();
    double[] billed = reports.stream().mapToDouble(Report::totalBilledMs).toArray();
    double request = prices.requestPrice(region);
    double averageBilled = Statistics.trimmedMean(billed, discardTopBottom);
    CostBreakdown average = prices.invocationCost(architecture, region, memoryMb, averageBilled);
    double averagePrice = average.compute() + average.request();
    double totalCost = 0;
    for (double ms : billed) {
      totalCost += prices.computePrice(architecture, region, memoryMb, ms) + request;
    }
    PowerStat stat =
        new PowerStat(
            memoryMb, averagePrice, Statistics.trimmedMean(durations, discardTopBottom), totalCost);
    OptionalInt maxUsed =
        reports.stream()
            .map(Report::maxMemoryUsedMb)
            .filter(OptionalInt::isPresent)
            .mapToInt(OptionalInt::getAsInt)
            .max();
    return new Measurement(stat, SampleStatistics.of(reports, discardTopBottom), maxUsed, average);
  }
}
