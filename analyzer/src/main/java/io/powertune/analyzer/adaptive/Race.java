package io.powertune.analyzer.adaptive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The racing rule of adaptive sampling. After each round every usable size's mean duration is
 * estimated from all the runs at once ({@link DurationFit}) and turned into the strategy's figure
 * ({@link RaceMetric}). How sure the race is comes from 2,000 draws of those estimates from their
 * joint sampling distribution (a parametric bootstrap: the fit's coefficients drawn with Commons
 * Math's {@link org.apache.commons.math3.distribution.MultivariateNormalDistribution}, widened to
 * Student's t for the estimated variance and held at 0 or above; see {@link
 * DurationEstimates#draws}), each turned into figures again. A size's <em>doubt</em> is the share
 * of draws in which some size's figure is below its by more than the tie tolerance.
 *
 * <ul>
 *   <li>the pick is the racing size with the least doubt;
 *   <li>a size still racing is dropped when its figure is at or below the pick's in fewer than
 *       {@code (1 - confidence) / (sizes racing - 1) / rounds} of the draws (a one-sided test
 *       against the pick, Bonferroni-corrected over the sizes compared and over the rounds the race
 *       may run, each a new look at the data: {@code rounds} counts one size's schedule, {@link
 *       #firstRound} then half again per round up to {@code maxNum}; a race whose sizes wait can
 *       take more rounds, which the simulation's error rates include);
 *   <li>the race ends when one size is left; when the pick's doubt is at most {@code (1 -
 *       confidence) / rounds} (no size beats it by more than the tolerance: the sizes left are tied
 *       with it); or when the pick and every size that could still beat it by more than the
 *       tolerance have had {@code maxNum}. The pick has had at least {@code minNum} by then.
 *   <li>otherwise the next round measures the pick and the sizes that could still beat it by more
 *       than the tolerance: in at least {@code 1 - confidence} of the draws when the fitted model
 *       is used (every size's estimate then improves with any size's runs); each size on its own
 *       runs, in at least {@code (1 - confidence) / rounds / (sizes racing - 1)}, so that the sizes
 *       left waiting cannot keep the pick's doubt above the stopping share. A racing size that
 *       waits is measured again if it comes back into doubt. While the race is undecided, for the
 *       balanced strategy the sizes its figure is divided by (the slowest and the costliest, {@link
 *       RaceMetric#normalizers}) follow the pick's count, dropped or not: every figure depends on
 *       them, and dropped in the first round they would be known from two or three runs.
 * </ul>
 *
 * <p>Draws rather than one t test per pair, because every size's estimate comes from the same few
 * coefficients: the sizes are strongly correlated, and a coefficient cannot be negative, which a
 * normal interval does not know. The draws are seeded by the round, so the same runs always give
 * the same decision.
 */
public final class Race {

  /** Draws of the estimates per decision. */
  static final int DRAWS = 2000;

  /** Figures this close, relatively, are equal. */
  private static final double EQUAL = 1e-9;

  private Race() {}

  /** The invocations every size gets in the first round. */
  public static int firstRound(int sizes, SamplingSettings settings) {
    return Math.min(settings.maxNum(), sizes > 10 ? 2 : 3);
  }

  /**
   * The most rounds a race can run. The confidence is shared out over them: every round's decisions
   * are a new chance to drop a size or stop wrongly.
   */
  static int rounds(int sizes, SamplingSettings settings) {
    int rounds = 1;
    for (int count = firstRound(sizes, settings); count < settings.maxNum(); rounds++) {
      count += step(count);
    }
    return rounds;
  }

  /** How many invocations a size with {@code count} so far gets in the next round. */
  static int step(int count) {
    return Math.max(2, count / 2);
  }

  /**
   * Decides after a round.
   *
   * @param sizes every size measured, failed ones included, in any order
   * @param dropped the sizes dropped in earlier rounds, with their round
   * @param round the round just measured (1 for the first)
   */
  public static RaceRound decide(
      List<MeasuredSize> sizes,
      Map<Integer, Integer> dropped,
      int round,
      RaceMetric metric,
      SamplingSettings settings) {
    List<MeasuredSize> usable =
        sizes.stream()
            .filter(s -> !s.failed() && s.count() > 0)
            .sorted(Comparator.comparingInt(MeasuredSize::memoryMb))
            .toList();
    Map<Integer, Integer> out = new HashMap<>(dropped);
    if (usable.isEmpty()) {
      return new RaceRound(
          round,
          true,
          RaceRound.NONE_USABLE,
          Map.of(),
          out,
          null,
          List.of(),
          0,
          List.of(),
          null,
          0);
    }
    int k = usable.size();
    int[] memory = usable.stream().mapToInt(MeasuredSize::memoryMb).toArray();
    DurationEstimates estimates =
        DurationFit.fit(
            memory,
            usable.stream().map(MeasuredSize::durations).toArray(double[][]::new),
            usable.stream().map(MeasuredSize::cold).toArray(boolean[][]::new));
    double[] offset = billingOffset(usable, estimates);
    RaceMetric.Figures figures = metric.figures(memory, estimates.mean(), offset);
    double[] value = figures.value();
    double[][] drawn = drawFigures(estimates, metric, memory, offset, round);

    List<Integer> racing = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      if (!out.containsKey(memory[i])) {
        racing.add(i);
      }
    }
    if (racing.isEmpty()) {
      // every size was dropped against one that has since failed: race the usable ones again
      for (int i = 0; i < k; i++) {
        racing.add(i);
        out.remove(memory[i]);
      }
    }
    int rounds = rounds(sizes.size(), settings);
    double[] doubts = doubts(drawn, settings.tieTolerance());
    int best = best(racing, value, figures.slope(), estimates, doubts);
    if (racing.size() > 1) {
      double alpha = settings.alpha() / (racing.size() - 1) / rounds;
      for (int i : List.copyOf(racing)) {
        if (i != best && share(drawn, d -> d[i] <= d[best]) < alpha) {
          out.put(memory[i], round);
          racing.remove(Integer.valueOf(i));
        }
      }
    }
    double doubt = doubts[best];
    double tieAlpha = settings.alpha() / rounds;
    boolean tied = racing.size() == 1 || doubt <= tieAlpha;
    // the sizes worth more runs: the pick, and those that could still beat it by more than the
    // tolerance in at least 1 - confidence of the draws. Each size standing on its own runs, a
    // size's estimate improves only with its own runs: then every size whose share could keep the
    // pick's doubt above the stopping share (with the others' under it) is measured.
    double contenderShare =
        estimates.bounded() ? settings.alpha() : tieAlpha / Math.max(1, racing.size() - 1);
    double tolerance = settings.tieTolerance();
    List<Integer> contenders = new ArrayList<>();
    for (int i : racing) {
      if (i == best || share(drawn, d -> below(d[i], d[best], tolerance)) >= contenderShare) {
        contenders.add(i);
      }
    }
    boolean enough = usable.get(best).count() >= settings.minNum();
    boolean atMax = contenders.stream().allMatch(i -> usable.get(i).count() >= settings.maxNum());
    String reason = null;
    if (atMax) {
      reason = RaceRound.MAX_NUM;
    } else if (enough && racing.size() == 1) {
      reason = RaceRound.ONE_LEFT;
    } else if (enough && tied) {
      reason = RaceRound.ALL_TIED;
    }
    Map<Integer, Integer> targets = new HashMap<>();
    if (reason == null) {
      for (int i : contenders) {
        int count = usable.get(i).count();
        // once decided, only the pick is still short of minNum
        int target = tied ? (i == best ? settings.minNum() : count) : count + step(count);
        target = Math.min(settings.maxNum(), target);
        if (target > count) {
          targets.put(memory[i], target);
        }
      }
      // the sizes the balanced figure is divided by follow the pick, dropped or not, while the
      // race is undecided
      int pickTarget = targets.getOrDefault(memory[best], usable.get(best).count());
      for (int i : metric.normalizers(estimates.mean(), offset, memory)) {
        if (!tied && !contenders.contains(i) && usable.get(i).count() < pickTarget) {
          targets.put(memory[i], pickTarget);
        }
      }
    }
    List<Integer> tiedSizes = new ArrayList<>(List.of(memory[best]));
    for (int i : racing) {
      if (i != best && value[i] - value[best] <= settings.tieTolerance() * value[best]) {
        tiedSizes.add(memory[i]);
      }
    }
    return new RaceRound(
        round,
        reason != null,
        reason,
        targets,
        out,
        memory[best],
        tiedSizes,
        1 - doubt,
        intervals(usable, value, reason != null ? drawn : null, out, settings),
        estimates.model() != null ? estimates.model() : "each size on its own runs",
        fixedNum(estimates, figures, best, settings, sizes.size()));
  }

  /**
   * What a size's mean billed duration adds to its mean duration: Lambda bills whole milliseconds,
   * at least one, which matters for short functions (a 7.5 ms run is billed 8 on average, a 8.4 ms
   * one 9); so for each size the expected {@code max(1, ceil(d))} of a lognormal run with the
   * size's estimated mean and the pooled spread, less that mean, plus what the runs were billed
   * beyond their rounded durations (restores), pooled over every run.
   */
  private static double[] billingOffset(List<MeasuredSize> usable, DurationEstimates estimates) {
    double beyond = 0;
    int runs = 0;
    for (MeasuredSize size : usable) {
      for (int j = 0; j < size.count(); j++) {
        beyond += size.billedMs()[j] - Math.max(1, Math.ceil(size.durations()[j]));
      }
      runs += size.count();
    }
    double extra = Math.max(0, beyond / runs);
    double sigma = Math.sqrt(estimates.logVariance());
    double[] offset = new double[usable.size()];
    for (int i = 0; i < offset.length; i++) {
      offset[i] = roundingUp(estimates.mean()[i], sigma) + extra;
    }
    return offset;
  }

  /** Durations from this long on are rounded up by half a millisecond on average. */
  private static final double LONG_MS = 200;

  /** {@code E[max(1, ceil(X))] - E[X]} for a lognormal {@code X} of this mean and log-spread. */
  private static double roundingUp(double mean, double sigma) {
    if (mean >= LONG_MS) {
      return 0.5;
    }
    if (sigma <= 0) {
      return Math.max(1, Math.ceil(mean)) - mean;
    }
    LogNormalDistribution run =
        new LogNormalDistribution(null, Math.log(mean) - sigma * sigma / 2, sigma);
    double billed = 1;
    for (int k = 1; ; k++) {
      double above = 1 - run.cumulativeProbability(k);
      billed += above;
      if (above < 1e-6) {
        return billed - mean;
      }
    }
  }

  /** The figures of every draw of the estimates. */
  private static double[][] drawFigures(
      DurationEstimates estimates, RaceMetric metric, int[] memory, double[] offset, int round) {
    RandomGenerator random = new Well19937c(round);
    double[][] means = estimates.draws(DRAWS, random);
    double[] perMs = metric.perMs(memory);
    double[][] drawn = new double[DRAWS][];
    for (int d = 0; d < DRAWS; d++) {
      drawn[d] = metric.figures(perMs, means[d], offset).value();
    }
    return drawn;
  }

  private static double share(double[][] drawn, Predicate<double[]> test) {
    int count = 0;
    for (double[] figures : drawn) {
      count += test.test(figures) ? 1 : 0;
    }
    return count / (double) drawn.length;
  }

  /** True when {@code figure} is below {@code reference} by more than the tolerance. */
  private static boolean below(double figure, double reference, double tolerance) {
    return figure < reference * (1 - tolerance) - EQUAL * reference;
  }

  /**
   * For each size, its doubt: the share of draws in which some size's figure is below its by more
   * than the tolerance.
   */
  private static double[] doubts(double[][] drawn, double tolerance) {
    int k = drawn[0].length;
    int[] count = new int[k];
    for (double[] d : drawn) {
      double lowest = d[0];
      for (double figure : d) {
        lowest = Math.min(lowest, figure);
      }
      for (int i = 0; i < k; i++) {
        count[i] += below(lowest, d[i], tolerance) ? 1 : 0;
      }
    }
    return Arrays.stream(count).mapToDouble(c -> c / (double) drawn.length).toArray();
  }

  /**
   * The pick: the racing size with the least doubt, the likeliest to be within the tie tolerance of
   * the best (what a right pick is; on a flat stretch of the curve that is a size in its middle,
   * not the one whose estimate happens to be lowest); among equal doubts the lowest figure; among
   * equal figures (a term the fit held at 0 makes them equal), the one those terms would hurt
   * least.
   */
  private static int best(
      List<Integer> racing,
      double[] value,
      double[] slope,
      DurationEstimates estimates,
      double[] doubts) {
    double least = racing.stream().mapToDouble(i -> doubts[i]).min().orElseThrow();
    List<Integer> surest = racing.stream().filter(i -> doubts[i] <= least).toList();
    double lowest = surest.stream().mapToDouble(i -> value[i]).min().orElseThrow();
    return surest.stream()
        .filter(i -> value[i] <= lowest + Math.abs(lowest) * EQUAL)
        .min(Comparator.comparingDouble(i -> estimates.exposure(i, slope[i])))
        .orElseThrow();
  }

  /**
   * Each size's figure with the central {@code confidence} share of its draws; without draws (a
   * round that is not the last, whose intervals nobody reads) the figure alone.
   */
  private static List<SizeInterval> intervals(
      List<MeasuredSize> usable,
      double[] value,
      double[][] drawn,
      Map<Integer, Integer> dropped,
      SamplingSettings settings) {
    Percentile percentile = new Percentile();
    List<SizeInterval> intervals = new ArrayList<>();
    for (int i = 0; i < usable.size(); i++) {
      double low = value[i];
      double high = value[i];
      if (drawn != null) {
        int size = i;
        percentile.setData(Arrays.stream(drawn).mapToDouble(d -> d[size]).toArray());
        low = percentile.evaluate(50 * settings.alpha());
        high = percentile.evaluate(100 - 50 * settings.alpha());
      }
      intervals.add(
          new SizeInterval(
              usable.get(i).memoryMb(),
              usable.get(i).count(),
              value[i],
              low,
              high,
              dropped.get(usable.get(i).memoryMb())));
    }
    return intervals;
  }

  /**
   * The smallest fixed {@code num} whose per-size tests, at the same confidence and correction,
   * separate the pick from every size worse than it by more than the tie tolerance: {@code n = (z *
   * sqrt(v_i + v_pick) / difference)^2}, with {@code v} one invocation's variance of the figure.
   */
  private static int fixedNum(
      DurationEstimates estimates,
      RaceMetric.Figures figures,
      int pick,
      SamplingSettings settings,
      int allSizes) {
    double[] value = figures.value();
    double z =
        new NormalDistribution()
            .inverseCumulativeProbability(1 - settings.alpha() / Math.max(1, allSizes - 1));
    double pickVariance = perRun(estimates, figures, pick);
    double needed = settings.minNum();
    for (int i = 0; i < value.length; i++) {
      double difference = value[i] - value[pick];
      if (i != pick && difference > settings.tieTolerance() * value[pick]) {
        double n =
            Math.pow(z * Math.sqrt(perRun(estimates, figures, i) + pickVariance) / difference, 2);
        needed = Math.max(needed, Math.ceil(n));
      }
    }
    return (int) Math.min(needed, Integer.MAX_VALUE);
  }

  /** One run's variance of size {@code i}'s figure (lognormal runs). */
  private static double perRun(DurationEstimates estimates, RaceMetric.Figures figures, int i) {
    double spread = figures.slope()[i] * estimates.mean()[i];
    return spread * spread * (Math.exp(estimates.logVariance()) - 1);
  }
}
