package io.powertune.analyzer.tuning;

import io.powertune.analyzer.strategy.Strategy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The strategy's pick and its reason, in one sentence a person reads at a glance. */
public final class Recommendation {

  private Recommendation() {}

  /**
   * Describes the pick, for example "1024 MB is the fastest of the 6 suitable sizes (48.1 ms on
   * average); against the current 128 MB it is 12% cheaper and 7.3x faster."
   *
   * @param suitable the sizes the strategy chose among, the pick included
   * @param current the function's memory size before the run, when known
   */
  public static String describe(
      Strategy strategy,
      double balancedWeight,
      SizeResult pick,
      List<SizeResult> suitable,
      OptionalInt current) {
    String sizes = suitable.size() == 1 ? "the only suitable size" : null;
    String claim =
        switch (strategy) {
          case COST ->
              sizes != null
                  ? "is " + sizes + " (" + Wording.money(pick.averagePrice()) + " per invocation)"
                  : "is the cheapest of the "
                      + suitable.size()
                      + " suitable sizes ("
                      + Wording.money(pick.averagePrice())
                      + " per invocation)";
          case SPEED ->
              sizes != null
                  ? "is " + sizes + " (" + Wording.ms(pick.averageDuration()) + " on average)"
                  : "is the fastest of the "
                      + suitable.size()
                      + " suitable sizes ("
                      + Wording.ms(pick.averageDuration())
                      + " on average)";
          case BALANCED ->
              (sizes != null ? "is " + sizes : "balances cost and speed best")
                  + " (weight "
                  + trim(balancedWeight)
                  + ": "
                  + Wording.money(pick.averagePrice())
                  + " per invocation, "
                  + Wording.ms(pick.averageDuration())
                  + " on average)";
        };
    return pick.value() + " MB " + claim + comparison(pick, suitable, current) + ".";
  }

  private static String comparison(
      SizeResult pick, List<SizeResult> suitable, OptionalInt current) {
    if (current.isEmpty()) {
      return "";
    }
    if (current.getAsInt() == pick.value()) {
      return "; it is the function's current size";
    }
    Optional<SizeResult> baseline =
        suitable.stream().filter(s -> s.value() == current.getAsInt()).findFirst();
    if (baseline.isEmpty()) {
      return "";
    }
    SizeResult base = baseline.get();
    return "; against the current "
        + base.value()
        + " MB it is "
        + Wording.costDelta(pick.averagePrice(), base.averagePrice())
        + " and "
        + Wording.speedDelta(pick.averageDuration(), base.averageDuration());
  }

  private static String trim(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
