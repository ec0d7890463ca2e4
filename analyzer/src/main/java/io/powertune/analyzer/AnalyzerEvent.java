package io.powertune.analyzer;

import io.powertune.analyzer.model.PowerStat;
import io.powertune.analyzer.strategy.Strategy;
import java.util.List;

/**
 * The Analyzer's input: the measured stats and the execution input fields that steer the choice.
 *
 * @param stats the stats entries, without JSON nulls, in input ({@code powerValues}) order
 * @param branches how many entries the stats array had, nulls included (the original counts them
 *     all for the Step Functions estimate)
 * @param strategy how to choose
 * @param balancedWeight clamped weight for {@link Strategy#BALANCED}
 * @param includeOutputResults whether the output lists every entry
 * @param onlyColdStarts whether the run used one version per invocation
 * @param num invocations per memory size
 * @param dryRun whether the run was a dry run (the analysis is then {@code null})
 */
public record AnalyzerEvent(
    List<PowerStat> stats,
    int branches,
    Strategy strategy,
    double balancedWeight,
    boolean includeOutputResults,
    boolean onlyColdStarts,
    int num,
    boolean dryRun) {

  public AnalyzerEvent {
    stats = List.copyOf(stats);
  }

  /** The entries that can be ranked (they have a duration). */
  public List<PowerStat> measured() {
    return stats.stream().filter(PowerStat::measured).toList();
  }

  /** The entries left out of the ranking because they have no duration. */
  public List<PowerStat> unmeasured() {
    return stats.stream().filter(s -> !s.measured()).toList();
  }

  public AnalyzerEvent withStrategy(Strategy value) {
    return new AnalyzerEvent(
        stats, branches, value, balancedWeight, includeOutputResults, onlyColdStarts, num, dryRun);
  }

  public AnalyzerEvent withBalancedWeight(double value) {
    return new AnalyzerEvent(
        stats, branches, strategy, value, includeOutputResults, onlyColdStarts, num, dryRun);
  }

  public AnalyzerEvent withIncludeOutputResults(boolean value) {
    return new AnalyzerEvent(
        stats, branches, strategy, balancedWeight, value, onlyColdStarts, num, dryRun);
  }
}
