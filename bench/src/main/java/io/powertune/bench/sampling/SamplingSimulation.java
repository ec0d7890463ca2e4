package io.powertune.bench.sampling;

import io.powertune.analyzer.adaptive.RaceMetric;
import io.powertune.analyzer.adaptive.SamplingSettings;
import io.powertune.analyzer.pricing.Architecture;
import io.powertune.analyzer.pricing.PriceCatalog;
import io.powertune.analyzer.pricing.PriceCatalogs;
import io.powertune.analyzer.strategy.Strategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The adaptive sampling simulation: pure, seeded, no platform. Every profile, size set and strategy
 * is tuned in {@code trials} seeded trials adaptively and with the original's fixed {@code num} 10
 * and 50; a pick is right when its true figure is within the tie tolerance of the true best's.
 * Arguments: the results file, then the number of trials (default 1,000), then optionally the
 * strategies to simulate (comma-separated, default all).
 */
public final class SamplingSimulation {

  private static final String REGION = "us-east-1";
  private static final double WEIGHT = Strategy.DEFAULT_BALANCED_WEIGHT;
  private static final List<Integer> DEFAULT_SIZES = List.of(128, 256, 512, 1024, 1536, 3008);
  private static final List<Integer> ALL_SIZES =
      IntStream.iterate(128, m -> m <= 3008, m -> m + 64).boxed().toList();

  private SamplingSimulation() {}

  /** One profile's tally under one size set and strategy. */
  record Tally(
      String sizeSet,
      Strategy strategy,
      FunctionProfile profile,
      int trials,
      int adaptiveRight,
      long adaptiveSpent,
      int fixed10Right,
      int fixed50Right,
      int fixed50Spent) {

    double spendShare() {
      return adaptiveSpent / (double) trials / fixed50Spent;
    }
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int trials = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    List<Strategy> strategies =
        args.length > 2
            ? Arrays.stream(args[2].split(","))
                .map(name -> Strategy.parse(name, "strategies"))
                .toList()
            : List.of(Strategy.values());
    PriceCatalog prices = PriceCatalogs.defaults();
    SamplingSettings settings = SamplingSettings.DEFAULTS;
    List<Runnable> work = new ArrayList<>();
    List<Tally> tallies = Collections.synchronizedList(new ArrayList<>());
    for (String set : List.of("default", "ALL")) {
      List<Integer> sizes = set.equals("ALL") ? ALL_SIZES : DEFAULT_SIZES;
      for (Strategy strategy : strategies) {
        RaceMetric metric =
            new RaceMetric(
                strategy,
                WEIGHT,
                m -> prices.computePrice(Architecture.X86_64, REGION, m, 1000) / 1000,
                prices.requestPrice(REGION));
        for (FunctionProfile profile : FunctionProfile.all()) {
          work.add(
              () -> tallies.add(tally(set, sizes, strategy, metric, profile, trials, settings)));
        }
      }
    }
    long started = System.nanoTime();
    work.parallelStream().forEach(Runnable::run);
    double seconds = (System.nanoTime() - started) / 1e9;
    String report =
        SimulationReport.render(
            tallies,
            ("bench/run-sampling " + String.join(" ", List.of(args).subList(1, args.length)))
                .strip(),
            trials,
            settings,
            seconds,
            Instant.now());
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report);
    System.out.print(report);
  }

  private static Tally tally(
      String set,
      List<Integer> sizes,
      Strategy strategy,
      RaceMetric metric,
      FunctionProfile profile,
      int trials,
      SamplingSettings settings) {
    TrueFigures truth = TrueFigures.of(profile, sizes, metric);
    SimulatedTuning tuning = new SimulatedTuning(profile, sizes, metric);
    int right = 0;
    long spent = 0;
    int right10 = 0;
    int right50 = 0;
    int spent50 = 0;
    for (int trial = 0; trial < trials; trial++) {
      long seed = ((long) profile.hashCode() * 31 + trial) * 31 + set.hashCode();
      RandomGenerator random = new Well19937c(seed);
      SimulatedTuning.Outcome adaptive = tuning.adaptive(random, settings);
      right += truth.within(adaptive.pick(), settings.tieTolerance()) ? 1 : 0;
      spent += adaptive.invocations();
      right10 +=
          truth.within(tuning.fixed(random, 10, WEIGHT).pick(), settings.tieTolerance()) ? 1 : 0;
      SimulatedTuning.Outcome fixed50 = tuning.fixed(random, 50, WEIGHT);
      right50 += truth.within(fixed50.pick(), settings.tieTolerance()) ? 1 : 0;
      spent50 = fixed50.invocations();
    }
    return new Tally(set, strategy, profile, trials, right, spent, right10, right50, spent50);
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
