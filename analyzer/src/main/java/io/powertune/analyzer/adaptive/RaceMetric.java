package io.powertune.analyzer.adaptive;

import io.powertune.analyzer.strategy.Strategy;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * The strategy's figure of a size from its mean duration, as the fixed analysis ranks sizes: speed
 * the duration, cost the price of the mean billed duration, balanced the weighted sum of both, each
 * over the highest among the sizes.
 *
 * @param strategy the strategy
 * @param balancedWeight the weight of cost for {@link Strategy#BALANCED}
 * @param pricePerMs the compute price of one billed millisecond at a memory size
 * @param requestPrice the price of one request
 */
public record RaceMetric(
    Strategy strategy, double balancedWeight, IntToDoubleFunction pricePerMs, double requestPrice) {

  /** The compute price of one billed millisecond at each size. */
  public double[] perMs(int[] memory) {
    double[] perMs = new double[memory.length];
    for (int i = 0; i < memory.length; i++) {
      perMs[i] = pricePerMs.applyAsDouble(memory[i]);
    }
    return perMs;
  }

  /**
   * The figures of the sizes.
   *
   * @param memory each size in MB
   * @param meanDuration each size's estimated mean duration in ms
   * @param billingOffset each size's mean billed minus mean measured ms (rounding up, billed
   *     restore)
   */
  public Figures figures(int[] memory, double[] meanDuration, double[] billingOffset) {
    return figures(perMs(memory), meanDuration, billingOffset);
  }

  /** The figures of the sizes whose millisecond prices are {@code perMs} (see {@link #perMs}). */
  public Figures figures(double[] perMs, double[] meanDuration, double[] billingOffset) {
    int k = perMs.length;
    double[] cost = costs(perMs, meanDuration, billingOffset);
    double maxCost = cost[highest(cost)];
    double maxDuration = meanDuration[highest(meanDuration)];
    double[] value = new double[k];
    double[] slope = new double[k];
    for (int i = 0; i < k; i++) {
      switch (strategy) {
        case SPEED -> {
          value[i] = meanDuration[i];
          slope[i] = 1;
        }
        case COST -> {
          value[i] = cost[i];
          slope[i] = perMs[i];
        }
        case BALANCED -> {
          double w = balancedWeight;
          value[i] = w * cost[i] / maxCost + (1 - w) * meanDuration[i] / maxDuration;
          slope[i] = w * perMs[i] / maxCost + (1 - w) / maxDuration;
        }
      }
    }
    return new Figures(value, slope);
  }

  /**
   * The sizes whose figures the others' are divided by: for {@link Strategy#BALANCED}, the size of
   * the highest cost and the size of the longest duration; none for the other strategies.
   */
  public List<Integer> normalizers(double[] meanDuration, double[] billingOffset, int[] memory) {
    if (strategy != Strategy.BALANCED) {
      return List.of();
    }
    int slowest = highest(meanDuration);
    int costliest = highest(costs(perMs(memory), meanDuration, billingOffset));
    return costliest == slowest ? List.of(slowest) : List.of(slowest, costliest);
  }

  /** Each size's price of one invocation of its mean billed duration. */
  private double[] costs(double[] perMs, double[] meanDuration, double[] billingOffset) {
    double[] cost = new double[perMs.length];
    for (int i = 0; i < cost.length; i++) {
      cost[i] = perMs[i] * (meanDuration[i] + billingOffset[i]) + requestPrice;
    }
    return cost;
  }

  /** The index of the highest value (the first of equal ones). */
  private static int highest(double[] values) {
    int highest = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[highest]) {
        highest = i;
      }
    }
    return highest;
  }

  /**
   * The sizes' figures.
   *
   * @param value each size's figure; lower is better
   * @param slope how much the figure grows per ms of mean duration (the highest cost and duration
   *     the balanced figure is divided by are held fixed)
   */
  public record Figures(double[] value, double[] slope) {}
}
