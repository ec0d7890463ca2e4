package io.powertune.platform.resources;

/**
 * How much longer an invocation took than its own CPU quota explains: time the host gave to other
 * work while the function could have run. An invocation is contended when that is over {@link
 * #CONTENDED_FRACTION} of its duration; its duration then reads high by about {@code waitMs}.
 *
 * <p>From two {@link CpuSample}s around the invocation, the smallest of three bounds:
 *
 * <ul>
 *   <li>the threads' waits on run queues less the group's throttled time: what the quota does not
 *       explain;
 *   <li>the CPU time the function could have had and did not use, {@code duration x cpus -
 *       throttled - used}: threads of one function waiting for each other wait while it runs, which
 *       is no contention;
 *   <li>the duration beyond what the CPU time it used needs at its share, {@code duration - used /
 *       share}: a throttled function kept waiting at the start of a CFS period loses nothing when
 *       it still gets its quota before the period ends.
 * </ul>
 *
 * Measured on this machine kind beside two busy loops, durations less this wait came within 2% of
 * quiet ones from 512 to 3,008 MB, while raw durations read up to 38% high (README, "Measurements
 * that know when the host was busy").
 *
 * @param waitMs the time lost to other work, in ms
 * @param contended true when it is over the fraction of the duration
 */
public record CpuWait(double waitMs, boolean contended) {

  /** The share of an invocation's duration spent waiting beyond which it counts as contended. */
  public static final double CONTENDED_FRACTION = 0.05;

  /**
   * The wait between two samples of one environment.
   *
   * @param durationNanos the invocation's duration
   * @param cpus the CPUs the environment may run on (1 when pinned)
   * @param share the CPUs its quota gives it (e.g. 0.29 at 512 MB), at most {@code cpus}
   */
  public static CpuWait between(
      CpuSample before, CpuSample after, long durationNanos, int cpus, double share) {
    long run = 0;
    long waited = 0;
    for (var thread : after.threads().entrySet()) {
      CpuSample.ThreadTimes start =
          before.threads().getOrDefault(thread.getKey(), new CpuSample.ThreadTimes(0, 0));
      run += Math.max(0, thread.getValue().runNanos() - start.runNanos());
      waited += Math.max(0, thread.getValue().waitNanos() - start.waitNanos());
    }
    long throttled = Math.max(0, after.throttledNanos() - before.throttledNanos());
    long beyondQuota = waited - throttled;
    long unusedCapacity = durationNanos * Math.max(1, cpus) - throttled - run;
    long beyondShare = durationNanos - (long) (run / Math.min(Math.max(share, 1e-3), cpus));
    long wait = Math.max(0, Math.min(beyondQuota, Math.min(unusedCapacity, beyondShare)));
    double waitMs = Math.round(wait / 10_000.0) / 100.0;
    return new CpuWait(waitMs, wait > CONTENDED_FRACTION * durationNanos);
  }
}
