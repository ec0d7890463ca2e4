package io.powertune.analyzer;

import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.analyzer.model.PowerStat;
import java.util.List;
import java.util.Optional;

/** Chooses the best memory size from the measured stats, as the original's Analyzer step does. */
public final class Analyzer {

  private Analyzer() {}

  /**
   * Analyses the event; empty for a dry run.
   *
   * @throws InvalidInputException when no entry has a measured duration
   */
  public static Optional<Analysis> analyze(AnalyzerEvent event, AnalysisSettings settings) {
    if (event.dryRun()) {
      return Optional.empty();
    }
    List<PowerStat> measured = event.measured();
    if (measured.isEmpty()) {
      throw new InvalidInputException(
          "stats", "no entry has an averageDuration above 0, so there is nothing to compare");
    }
    List<PowerStat> ranked = event.strategy().rank(measured, event.balancedWeight());
    PowerStat best = ranked.get(0);
    Analysis.StateMachine stateMachine =
        new Analysis.StateMachine(
            StepFunctionsCost.estimate(
                settings.prices().stateTransitionPrice(settings.region()),
                event.branches(),
                event.onlyColdStarts(),
                event.num()),
            lambdaCost(ranked),
            VisualizationUrl.build(settings.visualizationBaseUrl(), ranked, settings.region()));
    return Optional.of(
        new Analysis(
            best.value(),
            best.averagePrice(),
            best.averageDuration(),
            stateMachine,
            event.includeOutputResults() ? entries(event.stats()) : null));
  }

  /** Sum of the entries' total costs, added in ranked order as the original adds them. */
  private static double lambdaCost(List<PowerStat> ranked) {
    double sum = 0;
    for (PowerStat stat : ranked) {
      sum += stat.totalCost();
    }
    return sum;
  }

  private static List<Analysis.Entry> entries(List<PowerStat> stats) {
    return stats.stream()
        .map(s -> new Analysis.Entry(s.value(), s.averagePrice(), s.averageDuration()))
        .toList();
  }
}
