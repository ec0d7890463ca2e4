package io.powertune.bench.sampling;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A simulated function: its true mean duration at each memory size and the noise of one run.
 *
 * <p>Mean duration: {@code io + single * 1769 / min(m, 1769) + parallel * 1769 / min(m, 1769 *
 * threads) + gc * exp(-(m - workingSet) / fade)}; sizes at or below {@code workingSet} run out of
 * memory. The memory-pressure term is an exponential, not the estimator's {@code 1 / (m - L)}, so
 * the estimator never sees its own shape. A run's duration is the mean times a lognormal factor of
 * coefficient of variation {@code cv}; with probability {@code outlierRate} a run is 2 to 5 times
 * slower; with {@code coldFactor} above 1 the first run at each size is that much slower (a cold
 * start's lazy loading).
 *
 * @param name what the profile is
 * @param io ms that do not scale with CPU
 * @param single ms of one thread's work at one vCPU (1,769 MB)
 * @param parallel ms of work spread over {@code threads} threads, at one vCPU
 * @param threads threads the parallel work uses
 * @param gc ms lost to memory pressure just above the working set
 * @param workingSet MB the function needs; sizes at or below it fail
 * @param fade MB over which memory pressure fades by a factor of e
 * @param cv the coefficient of variation of a run
 * @param outlierRate the share of runs 2 to 5 times slower
 * @param coldFactor how much slower the first run at a size is (1: not at all)
 */
record FunctionProfile(
    String name,
    double io,
    double single,
    double parallel,
    int threads,
    double gc,
    double workingSet,
    double fade,
    double cv,
    double outlierRate,
    double coldFactor) {

  static final double FULL_CPU_MB = 1769;

  /** True when a run at {@code memory} runs out of memory. */
  boolean fails(int memory) {
    return memory <= workingSet;
  }

  /** The true mean duration, without outliers or cold starts. */
  double meanDuration(int memory) {
    double pressure = gc == 0 ? 0 : gc * Math.exp(-(memory - workingSet) / fade);
    return io
        + single * FULL_CPU_MB / Math.min(memory, FULL_CPU_MB)
        + parallel * FULL_CPU_MB / Math.min(memory, FULL_CPU_MB * threads)
        + pressure;
  }

  /** One run's duration; {@code first} for the first run at the size. */
  double draw(int memory, RandomGenerator random, boolean first) {
    double sigma = Math.sqrt(Math.log(1 + cv * cv));
    double factor = Math.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
    double duration = meanDuration(memory) * factor;
    if (random.nextDouble() < outlierRate) {
      duration *= 2 + 3 * random.nextDouble();
    }
    return first ? duration * coldFactor : duration;
  }

  /**
   * The profiles: five kinds (CPU-bound on one thread, CPU-bound on two, I/O-bound, mixed,
   * memory-hungry) and a short one where billing's rounding up matters, each at four noise levels
   * (5%, 10%, 20%, 30%), 2% outliers throughout and cold first runs in every other.
   */
  static List<FunctionProfile> all() {
    double[] noise = {0.05, 0.10, 0.20, 0.30};
    List<FunctionProfile> profiles = new ArrayList<>();
    for (int i = 0; i < noise.length; i++) {
      double cv = noise[i];
      double cold = i % 2 == 0 ? 1 : 2.5;
      profiles.add(new FunctionProfile("cpu, 1 thread", 4, 400, 0, 1, 0, 0, 1, cv, 0.02, cold));
      profiles.add(new FunctionProfile("cpu, 2 threads", 4, 100, 600, 2, 0, 0, 1, cv, 0.02, cold));
      profiles.add(new FunctionProfile("io-bound", 300, 30, 0, 1, 0, 0, 1, cv, 0.02, cold));
      profiles.add(new FunctionProfile("mixed", 120, 250, 0, 1, 0, 0, 1, cv, 0.02, cold));
      profiles.add(
          new FunctionProfile("memory-hungry", 40, 300, 0, 1, 900, 300, 250, cv, 0.02, cold));
      profiles.add(new FunctionProfile("short, cpu", 1.5, 6, 0, 1, 0, 0, 1, cv, 0.02, cold));
    }
    return profiles;
  }
}
