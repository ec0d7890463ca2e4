package io.powertune.visualizer;

import io.powertune.analyzer.model.PowerStat;
import io.powertune.analyzer.strategy.Strategy;
import io.powertune.analyzer.tuning.SizeResult;
import io.powertune.analyzer.tuning.TuningAnalysis;
import java.util.List;

/** What each strategy would have picked from the same measurements. */
public final class StrategyPicks {

  /**
   * One strategy's pick.
   *
   * @param strategy its name, with the weight for balanced ({@code balanced (0.5)})
   * @param size the size it picks
   */
  public record Pick(String strategy, SizeResult size) {}

  private StrategyPicks() {}

  /** The picks of cost, speed and balanced (at the run's weight, else 0.5). */
  public static List<Pick> of(TuningAnalysis result) {
    List<SizeResult> suitable = result.suitable();
    if (suitable.isEmpty()) {
      return List.of();
    }
    double weight =
        result.balancedWeight() == null
            ? Strategy.DEFAULT_BALANCED_WEIGHT
            : result.balancedWeight();
    return List.of(
        new Pick("cost", pick(Strategy.COST, suitable, weight)),
        new Pick("speed", pick(Strategy.SPEED, suitable, weight)),
        new Pick(
            "balanced (" + Numbers.plain(weight) + ")", pick(Strategy.BALANCED, suitable, weight)));
  }

  private static SizeResult pick(Strategy strategy, List<SizeResult> suitable, double weight) {
    List<PowerStat> ranked =
        strategy.rank(suitable.stream().map(SizeResult::stat).toList(), weight);
    int best = ranked.get(0).value();
    return suitable.stream().filter(s -> s.value() == best).findFirst().orElseThrow();
  }
}
