package io.powertune.bench.sampling;

import io.powertune.analyzer.adaptive.MeasuredSize;
import io.powertune.analyzer.adaptive.Race;
import io.powertune.analyzer.adaptive.RaceMetric;
import io.powertune.analyzer.adaptive.RaceRound;
import io.powertune.analyzer.adaptive.SamplingSettings;
import io.powertune.analyzer.model.PowerStat;
import io.powertune.analyzer.stats.Statistics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/** One simulated tuning of a profile: adaptive, or the original's fixed {@code num}. */
final class SimulatedTuning {

  /**
   * A tuning's outcome.
   *
   * @param pick the size picked
   * @param invocations invocations spent in all
   * @param rounds rounds run (1 for a fixed run)
   */
  record Outcome(int pick, int invocations, int rounds) {}

  private final FunctionProfile profile;
  private final List<Integer> sizes;
  private final RaceMetric metric;

  SimulatedTuning(FunctionProfile profile, List<Integer> sizes, RaceMetric metric) {
    this.profile = profile;
    this.sizes = List.copyOf(sizes);
    this.metric = metric;
  }

  /** The race, round by round, until it stops. */
  Outcome adaptive(RandomGenerator random, SamplingSettings settings) {
    Map<Integer, List<Double>> runs = new HashMap<>();
    Map<Integer, Boolean> failed = new HashMap<>();
    Map<Integer, Integer> targets = new HashMap<>();
    int first = Race.firstRound(sizes.size(), settings);
    sizes.forEach(m -> targets.put(m, first));
    Map<Integer, Integer> dropped = Map.of();
    int spent = 0;
    for (int round = 1; ; round++) {
      for (Map.Entry<Integer, Integer> target : targets.entrySet()) {
        int memory = target.getKey();
        if (failed.containsKey(memory)) {
          continue;
        }
        List<Double> done = runs.computeIfAbsent(memory, m -> new ArrayList<>());
        while (done.size() < target.getValue()) {
          spent++;
          if (profile.fails(memory)) {
            failed.put(memory, true);
            break;
          }
          done.add(profile.draw(memory, random, done.isEmpty()));
        }
      }
      List<MeasuredSize> measured = new ArrayList<>();
      for (int memory : sizes) {
        double[] durations =
            runs.getOrDefault(memory, List.of()).stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
        double[] billed = new double[durations.length];
        boolean[] cold = new boolean[durations.length];
        for (int i = 0; i < durations.length; i++) {
          billed[i] = Math.max(1, Math.ceil(durations[i]));
          cold[i] = i == 0;
        }
        measured.add(new MeasuredSize(memory, durations, billed, cold, failed.containsKey(memory)));
      }
      RaceRound decision = Race.decide(measured, dropped, round, metric, settings);
      if (decision.done()) {
        return new Outcome(decision.pick() == null ? -1 : decision.pick(), spent, round);
      }
      targets.clear();
      targets.putAll(decision.targets());
      dropped = decision.dropped();
    }
  }

  /** The original's way: {@code num} runs per size, trimmed means, the strategy's ranking. */
  Outcome fixed(RandomGenerator random, int num, double balancedWeight) {
    List<PowerStat> stats = new ArrayList<>();
    int spent = 0;
    for (int memory : sizes) {
      if (profile.fails(memory)) {
        spent++;
        continue;
      }
      double[] durations = new double[num];
      double[] billed = new double[num];
      for (int i = 0; i < num; i++) {
        durations[i] = profile.draw(memory, random, i == 0);
        billed[i] = Math.max(1, Math.ceil(durations[i]));
      }
      spent += num;
      double averageBilled = Statistics.trimmedMean(billed, Statistics.DEFAULT_DISCARD_TOP_BOTTOM);
      double price =
          metric.pricePerMs().applyAsDouble(memory) * Math.ceil(averageBilled)
              + metric.requestPrice();
      stats.add(
          new PowerStat(
              memory,
              price,
              Statistics.trimmedMean(durations, Statistics.DEFAULT_DISCARD_TOP_BOTTOM),
              0));
    }
    return new Outcome(metric.strategy().rank(stats, balancedWeight).get(0).value(), spent, 1);
  }
}
