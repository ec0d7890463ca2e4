package io.powertune.analyzer.adaptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.powertune.analyzer.strategy.Strategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The racing rule on synthetic, seeded runs of Lambda-shaped functions: {@code d(m) = io + work *
 * 1769 / min(m, 1769)} times lognormal noise.
 */
final class RaceTest {

  private static final double FULL_CPU_MB = 1769;
  private static final SamplingSettings SETTINGS = SamplingSettings.DEFAULTS;
  private static final List<Integer> SMALL = List.of(128, 256, 512, 1024);

  /**
   * A simulated function.
   *
   * @param io ms that do not scale with CPU
   * @param work ms of one thread's work at one vCPU
   * @param cv the lognormal noise's sigma (about the coefficient of variation)
   * @param outlierRate the share of runs 3 to 6 times slower
   * @param coldFactor how much slower the first run at a size is; above 1 it is flagged cold
   */
  private record Profile(double io, double work, double cv, double outlierRate, double coldFactor) {

    static Profile of(double io, double work, double cv) {
      return new Profile(io, work, cv, 0, 1);
    }

    /** A warm run's median duration. */
    double median(int memory) {
      return io + work * FULL_CPU_MB / Math.min(memory, FULL_CPU_MB);
    }

    /** A warm run's true mean duration, outliers aside. */
    double mean(int memory) {
      return median(memory) * Math.exp(cv * cv / 2);
    }

    /** One run; the same draws from {@code random} whatever the outlier rate and cold factor. */
    double draw(int memory, RandomGenerator random, boolean first) {
      double duration = median(memory) * Math.exp(cv * random.nextGaussian());
      if (random.nextDouble() < outlierRate) {
        duration *= 3 + 3 * random.nextDouble();
      }
      return first ? duration * coldFactor : duration;
    }
  }

  /**
   * A finished race.
   *
   * @param last the last decision
   * @param invocations invocations run in all
   * @param runs invocations run at each size
   */
  private record Outcome(RaceRound last, int invocations, Map<Integer, Integer> runs) {}

  private static RaceMetric metric(Strategy strategy) {
    return new RaceMetric(strategy, 0.5, m -> m / 1024.0 * 0.0000166667 / 1000, 0.0000002);
  }

  private static MeasuredSize size(
      int memory, double[] durations, boolean coldFirst, boolean failed) {
    double[] billed = new double[durations.length];
    boolean[] cold = new boolean[durations.length];
    for (int i = 0; i < durations.length; i++) {
      billed[i] = Math.max(1, Math.ceil(durations[i]));
    }
    if (coldFirst && durations.length > 0) {
      cold[0] = true;
    }
    return new MeasuredSize(memory, durations, billed, cold, failed);
  }

  private static SizeInterval interval(RaceRound round, int memory) {
    return round.sizes().stream().filter(s -> s.value() == memory).findFirst().orElseThrow();
  }

  /**
   * Races {@code sizes} round by round until the race is done. Sizes in {@code failing} are
   * measured in the first round like the others but flagged failed.
   */
  private static Outcome race(
      Profile profile,
      List<Integer> sizes,
      Set<Integer> failing,
      RaceMetric metric,
      SamplingSettings settings,
      long seed) {
    return race(profile, sizes, failing, metric, settings, seed, decision -> {});
  }

  /** {@link #race}, handing every decision to {@code eachRound} as it is made. */
  private static Outcome race(
      Profile profile,
      List<Integer> sizes,
      Set<Integer> failing,
      RaceMetric metric,
      SamplingSettings settings,
      long seed,
      Consumer<RaceRound> eachRound) {
    RandomGenerator random = new Well19937c(seed);
    Map<Integer, List<Double>> runs = new TreeMap<>();
    Map<Integer, Integer> targets = new HashMap<>();
    int first = Race.firstRound(sizes.size(), settings);
    for (int memory : sizes) {
      runs.put(memory, new ArrayList<>());
      targets.put(memory, first);
    }
    Map<Integer, Integer> dropped = Map.of();
    int invocations = 0;
    for (int round = 1; round <= 20; round++) {
      List<MeasuredSize> measured = new ArrayList<>();
      for (int memory : sizes) {
        List<Double> done = runs.get(memory);
        while (done.size() < targets.getOrDefault(memory, 0)) {
          done.add(profile.draw(memory, random, done.isEmpty()));
          invocations++;
        }
        measured.add(
            size(
                memory,
                done.stream().mapToDouble(Double::doubleValue).toArray(),
                profile.coldFactor() != 1,
                failing.contains(memory)));
      }
      RaceRound decision = Race.decide(measured, dropped, round, metric, settings);
      eachRound.accept(decision);
      if (decision.done()) {
        if (decision.pick() != null) {
          assertThat(interval(decision, decision.pick()).invocations())
              .as("the pick's invocations")
              .isGreaterThanOrEqualTo(settings.minNum());
        }
        Map<Integer, Integer> counts = new TreeMap<>();
        runs.forEach((memory, done) -> counts.put(memory, done.size()));
        return new Outcome(decision, invocations, counts);
      }
      assertThat(decision.targets().values()).allMatch(t -> t <= settings.maxNum());
      targets = new HashMap<>(decision.targets());
      dropped = decision.dropped();
    }
    throw new AssertionError("the race did not end in 20 rounds");
  }

  @Test
  void clearWinner_picksTheFastest_andDropsTheSlowerAfterTheFirstRound() {
    Profile cpu = Profile.of(2, 200, 0.10); // 2766, 1384, 693 and 347 ms

    Outcome outcome = race(cpu, SMALL, Set.of(), metric(Strategy.SPEED), SETTINGS, 1);
    RaceRound last = outcome.last();

    assertThat(last.pick()).isEqualTo(1024);
    assertThat(last.reason()).isEqualTo(RaceRound.ONE_LEFT);
    assertThat(outcome.invocations()).isLessThan(50 * SMALL.size());
    assertThat(last.dropped()).containsOnlyKeys(128, 256, 512);
    for (int slower : List.of(128, 256, 512)) {
      assertThat(interval(last, slower).droppedInRound()).isEqualTo(1);
      assertThat(interval(last, slower).invocations())
          .isEqualTo(Race.firstRound(SMALL.size(), SETTINGS));
    }
    assertThat(interval(last, 1024).droppedInRound()).isNull();
  }

  @Test
  void exactTie_endsOnceThePickHasMinNum_withEverySizeTiedOrDropped() {
    // one thread: 105 ms at every size above 1769 MB; the noise is 0.1%, low enough to show a
    // 1% tie within minNum runs (at a 10% noise an exact tie runs to maxNum: see the report)
    Profile flat = Profile.of(5, 100, 0.001);
    List<Integer> sizes = List.of(1792, 2048, 3008);

    Outcome outcome = race(flat, sizes, Set.of(), metric(Strategy.SPEED), SETTINGS, 2);
    RaceRound last = outcome.last();

    assertThat(last.reason()).isIn(RaceRound.ALL_TIED, RaceRound.ONE_LEFT);
    assertThat(last.pick()).isIn(sizes);
    assertThat(last.tied()).startsWith(last.pick());
    Set<Integer> accounted = new HashSet<>(last.tied());
    accounted.addAll(last.dropped().keySet());
    assertThat(accounted).containsExactlyInAnyOrderElementsOf(sizes);
    assertThat(last.confidence()).isGreaterThanOrEqualTo(SETTINGS.confidence());
    assertThat(outcome.runs().values()).allMatch(n -> n <= SETTINGS.minNum());
    assertThat(outcome.invocations()).isLessThanOrEqualTo(sizes.size() * SETTINGS.minNum());
  }

  @Test
  void nearTie_endsBeforeMaxNum_withAPickWithinTheTolerance() {
    // I/O-bound: 311.5 ms at 1536 MB, 310 ms at 2048 MB, 0.49% apart
    Profile ioBound = Profile.of(300, 10, 0.015);
    List<Integer> sizes = List.of(1536, 2048);

    Outcome outcome = race(ioBound, sizes, Set.of(), metric(Strategy.SPEED), SETTINGS, 3);
    RaceRound last = outcome.last();

    assertThat(ioBound.mean(last.pick()))
        .isLessThanOrEqualTo(ioBound.mean(2048) * (1 + SETTINGS.tieTolerance()));
    assertThat(last.reason()).isIn(RaceRound.ALL_TIED, RaceRound.ONE_LEFT);
    assertThat(outcome.runs().get(last.pick())).isLessThan(SETTINGS.maxNum());
  }

  @Test
  void failedSize_isNeverPicked_norListed_andTheOthersStillRace() {
    // I/O-bound: by cost 128 MB is the cheapest by a fifth, 256 MB next
    Profile ioBound = Profile.of(100, 20, 0.10);
    RaceMetric cost = metric(Strategy.COST);

    Outcome outcome = race(ioBound, SMALL, Set.of(128), cost, SETTINGS, 4);
    RaceRound last = outcome.last();

    assertThat(last.pick()).isEqualTo(256);
    assertThat(last.sizes()).extracting(SizeInterval::value).containsExactly(256, 512, 1024);
    assertThat(last.tied()).doesNotContain(128);
    assertThat(last.dropped()).doesNotContainKey(128);
    assertThat(outcome.runs()).containsEntry(128, Race.firstRound(SMALL.size(), SETTINGS));
    // with 128 MB working, the race picks it
    assertThat(race(ioBound, SMALL, Set.of(), cost, SETTINGS, 4).last().pick()).isEqualTo(128);
  }

  @Test
  void allSizesFailed_endsAtOnce_withNoPick() {
    List<MeasuredSize> failed =
        List.of(size(128, new double[0], false, true), size(256, new double[] {900}, true, true));

    RaceRound round = Race.decide(failed, Map.of(), 1, metric(Strategy.COST), SETTINGS);

    assertThat(round.done()).isTrue();
    assertThat(round.reason()).isEqualTo(RaceRound.NONE_USABLE);
    assertThat(round.pick()).isNull();
    assertThat(round.targets()).isEmpty();
    assertThat(round.sizes()).isEmpty();
  }

  @Test
  void heavyTailedNoise_stillPicksTheCheapest_inNineOfTenTrials() {
    // 5% of runs 3 to 6 times slower; by cost 128 MB is the cheapest by a fifth
    Profile noisy = new Profile(100, 20, 0.10, 0.05, 1);
    int right = 0;
    for (long seed = 1; seed <= 10; seed++) {
      Integer pick =
          race(noisy, SMALL, Set.of(), metric(Strategy.COST), SETTINGS, seed).last().pick();
      right += Integer.valueOf(128).equals(pick) ? 1 : 0;
    }

    assertThat(right).isGreaterThanOrEqualTo(9);
  }

  @Test
  void coldStarts_leaveThePick_andTheEstimatesAtTheWarmMeans() {
    Profile warm = Profile.of(2, 200, 0.05);
    Profile cold = new Profile(2, 200, 0.05, 0, 3); // the same runs, the first 3x and flagged

    RaceRound withCold = race(cold, SMALL, Set.of(), metric(Strategy.SPEED), SETTINGS, 6).last();
    RaceRound without = race(warm, SMALL, Set.of(), metric(Strategy.SPEED), SETTINGS, 6).last();

    assertThat(withCold.pick()).isEqualTo(without.pick()).isEqualTo(1024);
    assertThat(withCold.sizes()).hasSize(SMALL.size());
    for (SizeInterval size : withCold.sizes()) {
      assertThat(size.estimate())
          .as("%d MB", size.value())
          .isCloseTo(warm.mean(size.value()), withinPercentage(10));
    }
  }

  @Test
  void sameRuns_giveTheSameDecision_inAnyOrder() {
    Profile mixed = Profile.of(40, 150, 0.20);
    RandomGenerator random = new Well19937c(7);
    List<MeasuredSize> measured = new ArrayList<>();
    for (int memory : List.of(512, 1024, 1536, 2048)) {
      double[] durations = new double[3];
      for (int i = 0; i < durations.length; i++) {
        durations[i] = mixed.draw(memory, random, i == 0);
      }
      measured.add(size(memory, durations, true, false));
    }
    RaceMetric balanced = metric(Strategy.BALANCED);

    RaceRound first = Race.decide(measured, Map.of(), 1, balanced, SETTINGS);
    RaceRound again = Race.decide(measured, Map.of(), 1, balanced, SETTINGS);
    List<MeasuredSize> reversed = new ArrayList<>(measured);
    Collections.reverse(reversed);
    RaceRound reordered = Race.decide(reversed, Map.of(), 1, balanced, SETTINGS);

    assertThat(first.done()).isFalse();
    assertThat(first.targets()).isNotEmpty();
    assertThat(again.pick()).isEqualTo(first.pick());
    assertThat(again.confidence()).isEqualTo(first.confidence());
    assertThat(again.targets()).isEqualTo(first.targets());
    assertThat(again).isEqualTo(first);
    assertThat(reordered).isEqualTo(first);
  }

  @Test
  void pick_hasAtLeastMinNum_andOnlyThePickIsBroughtToIt() {
    SamplingSettings settings = new SamplingSettings(0.95, 0.01, 8, 50);

    Outcome outcome =
        race(Profile.of(2, 200, 0.10), SMALL, Set.of(), metric(Strategy.SPEED), settings, 8);
    RaceRound last = outcome.last();

    assertThat(last.pick()).isEqualTo(1024);
    assertThat(outcome.runs().get(1024)).isGreaterThanOrEqualTo(settings.minNum());
    assertThat(interval(last, 1024).invocations()).isGreaterThanOrEqualTo(settings.minNum());
    // the dropped sizes keep their first round's runs: 3 * 3 + 8
    assertThat(outcome.invocations()).isLessThan(SMALL.size() * settings.minNum());
  }

  @Test
  void balanced_keepsMeasuringTheSizesItsFigureIsDividedBy_afterDroppingThem() {
    // 128 MB is the slowest by far: every balanced figure is divided by its duration
    Profile cpu = Profile.of(2, 200, 0.20);
    List<Integer> sizes = List.of(128, 256, 512, 1024, 1536, 2048);
    int first = Race.firstRound(sizes.size(), SETTINGS);

    Outcome balanced = race(cpu, sizes, Set.of(), metric(Strategy.BALANCED), SETTINGS, 9);
    Outcome speed = race(cpu, sizes, Set.of(), metric(Strategy.SPEED), SETTINGS, 9);

    assertThat(balanced.last().dropped()).containsEntry(128, 1);
    assertThat(balanced.runs().get(128)).isGreaterThan(first);
    assertThat(interval(balanced.last(), 128).droppedInRound()).isEqualTo(1);
    // speed divides by nothing: its dropped sizes keep their first round's runs
    assertThat(speed.last().dropped()).containsKey(128);
    assertThat(speed.runs().get(128)).isEqualTo(first);
  }

  @Test
  void racingSizesThatCannotBeatThePickByTheTolerance_wait_whileThePickIsMeasured() {
    // balanced on the 46 sizes of ALL at 30% noise: the fitted model soon tells that most sizes
    // cannot beat the pick by 1%, long before it tells which of the sizes near it is the pick
    Profile cpu = Profile.of(4, 400, 0.30);
    List<Integer> sizes = new ArrayList<>();
    for (int memory = 128; memory <= 3008; memory += 64) {
      sizes.add(memory);
    }
    List<RaceRound> undecided = new ArrayList<>();

    Outcome outcome =
        race(
            cpu,
            sizes,
            Set.of(),
            metric(Strategy.BALANCED),
            SETTINGS,
            11,
            decision -> {
              // a round that goes on once the pick has minNum is not settled: every size still in
              // doubt is measured in it, and under the old rule every size still racing
              if (!decision.done()
                  && interval(decision, decision.pick()).invocations() >= SETTINGS.minNum()) {
                undecided.add(decision);
              }
            });

    assertThat(outcome.last().done()).isTrue();
    boolean waited =
        undecided.stream()
            .anyMatch(
                decision ->
                    sizes.stream()
                        .anyMatch(
                            m ->
                                !decision.dropped().containsKey(m)
                                    && !decision.targets().containsKey(m)));
    assertThat(waited).as("a size in the race waited a round").isTrue();
  }
}
