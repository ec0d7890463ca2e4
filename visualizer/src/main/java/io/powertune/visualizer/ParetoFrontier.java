package io.powertune.visualizer;

import io.powertune.analyzer.tuning.SizeResult;
import java.util.Comparator;
import java.util.List;

/**
 * The sizes no other size beats on both cost and duration: the only sensible choices, whatever
 * weight a user gives to each. A size is dominated when another is no dearer and no slower, and
 * better on one of the two.
 */
public final class ParetoFrontier {

  private ParetoFrontier() {}

  /** The undominated suitable sizes, by memory size. */
  public static List<SizeResult> of(List<SizeResult> suitable) {
    return suitable.stream()
        .filter(s -> suitable.stream().noneMatch(other -> dominates(other, s)))
        .sorted(Comparator.comparingInt(SizeResult::value))
        .toList();
  }

  static boolean dominates(SizeResult a, SizeResult b) {
    boolean noWorse =
        a.averagePrice() <= b.averagePrice() && a.averageDuration() <= b.averageDuration();
    boolean better =
        a.averagePrice() < b.averagePrice() || a.averageDuration() < b.averageDuration();
    return noWorse && better;
  }
}
