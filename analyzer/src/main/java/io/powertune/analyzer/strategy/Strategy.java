package io.powertune.analyzer.strategy;

import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.analyzer.model.PowerStat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** How the best memory size is chosen. */
public enum Strategy {
  /** Lowest average price; ties go to the faster, then to the earlier in input order. */
  COST,
  /** Lowest average duration; ties go to the cheaper, then to the earlier in input order. */
  SPEED,
  /**
   * Lowest {@code w * cost / maxCost + (1 - w) * duration / maxDuration}; ties go to the cheaper,
   * then the faster (the original has no tie-break beyond input order).
   */
  BALANCED;

  /** The default weight of the balanced strategy. */
  public static final double DEFAULT_BALANCED_WEIGHT = 0.5;

  /** The strategy's name in execution input ({@code cost}, {@code speed}, {@code balanced}). */
  public String inputName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a strategy name, ignoring case; {@code null} or blank means {@link #COST}, as in the
   * original.
   *
   * @throws InvalidInputException naming {@code field} for an unknown name
   */
  public static Strategy parse(String name, String field) {
    if (name == null || name.isBlank()) {
      return COST;
    }
    return Arrays.stream(values())
        .filter(s -> s.inputName().equals(name.strip().toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    field, "unknown strategy '" + name + "'; use one of " + names()));
  }

  /** Clamps a balanced weight to [0, 1]; {@code null} means the default 0.5. */
  public static double clampWeight(Double weight) {
    return weight == null ? DEFAULT_BALANCED_WEIGHT : Math.min(Math.max(weight, 0.0), 1.0);
  }

  /**
   * Ranks the entries, best first. The sort is stable, so a full tie keeps input order.
   *
   * @param balancedWeight clamped weight, used by {@link #BALANCED} only
   */
  public List<PowerStat> rank(List<PowerStat> stats, double balancedWeight) {
    List<PowerStat> ranked = new ArrayList<>(stats);
    ranked.sort(comparator(stats, balancedWeight));
    return ranked;
  }

  private Comparator<PowerStat> comparator(List<PowerStat> stats, double weight) {
    Comparator<PowerStat> byCost = Comparator.comparingDouble(PowerStat::averagePrice);
    Comparator<PowerStat> byDuration = Comparator.comparingDouble(PowerStat::averageDuration);
    return switch (this) {
      case COST -> byCost.thenComparing(byDuration);
      case SPEED -> byDuration.thenComparing(byCost);
      case BALANCED ->
          Comparator.comparingDouble(balancedScore(stats, weight))
              .thenComparing(byCost)
              .thenComparing(byDuration);
    };
  }

  private static ToDoubleFunction<PowerStat> balancedScore(List<PowerStat> stats, double weight) {
    double maxCost = stats.stream().mapToDouble(PowerStat::averagePrice).max().orElse(0);
    double maxDuration = stats.stream().mapToDouble(PowerStat::averageDuration).max().orElse(0);
    return s ->
        roundScore(
            term(weight, s.averagePrice(), maxCost)
                + term(1 - weight, s.averageDuration(), maxDuration));
  }

  /**
   * Scores are rounded to 12 decimals before they are compared, so two sizes whose scores are equal
   * but for floating-point noise (13/60 computed two ways) count as a tie and go to the cheaper.
   */
  private static double roundScore(double score) {
    return Math.round(score * 1e12) / 1e12;
  }

  /** {@code weight * value / max}, in the original's order of operations; 0 when max is 0. */
  private static double term(double weight, double value, double max) {
    return max == 0 ? 0 : weight * value / max;
  }

  private static String names() {
    return Arrays.stream(values()).map(Strategy::inputName).collect(Collectors.joining(", "));
  }
}
