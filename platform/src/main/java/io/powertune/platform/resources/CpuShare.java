package io.powertune.platform.resources;

/**
 * The CPU an execution environment gets, as Lambda gives it: memory / 1,769 MB of a vCPU (1,769 MB
 * is one vCPU, 10,240 MB nearly six), capped at the host's cores.
 *
 * <p>The CFS period is short: {@code max(5 ms, 1 ms x 1769 / memory)}, which keeps the quota at or
 * above the kernel's 1 ms minimum (at 128 MB: 1 ms every 13.8 ms) and at 5 ms otherwise. Two
 * effects set it (measured, shared/notes/cpu-fidelity.md and bench/results/cpu-fidelity.md):
 *
 * <ul>
 *   <li>A handler of a few milliseconds must be throttled smoothly rather than run free for one
 *       long period and stall for the next; with the 100 ms default its time depended on where in a
 *       period it started.
 *   <li>An environment that waited for its next invocation starts it with a full quota, so its
 *       first period is free: it saves up to {@code period x (1 - share)} of wall time per
 *       invocation. With a 10 ms period a 1,024 MB handler of 76 ms expected ran in 67 ms (12%
 *       fast); with 5 ms, in 74 to 77 ms.
 * </ul>
 *
 * @param vcpus the share of CPUs, e.g. 0.0724 at 128 MB
 * @param periodUs the CFS period in microseconds
 * @param quotaUs the CFS quota per period in microseconds, or {@link #NO_QUOTA} when the share is
 *     every core of the host: the kernel's bandwidth accounting then limits nothing and costs time
 *     (a two-thread handler on two cores ran 12% slower under a quota of two cores than under none)
 */
public record CpuShare(double vcpus, long periodUs, long quotaUs) {

  /** Memory that buys one vCPU on Lambda. */
  public static final int MB_PER_VCPU = 1769;

  /** The quota of a share that covers every core: none. */
  public static final long NO_QUOTA = -1;

  private static final long MIN_PERIOD_US = 5_000;
  private static final long MIN_QUOTA_US = 1_000;

  /**
   * The share of an environment whose invocation waits for another function's (a synchronous
   * Invoke): 1% of a CPU, enough for its threads to notice the answer, too little to slow the
   * function it waits for.
   */
  public static final CpuShare WAITING = new CpuShare(0.01, 100_000, 1_000);

  /** The share for a memory size on a host with {@code hostCores} cores. */
  public static CpuShare forMemory(int memoryMb, int hostCores) {
    double vcpus = Math.min((double) memoryMb / MB_PER_VCPU, hostCores);
    long period = Math.max(MIN_PERIOD_US, (long) Math.ceil(MIN_QUOTA_US / vcpus));
    long quota = vcpus >= hostCores ? NO_QUOTA : Math.max(MIN_QUOTA_US, Math.round(vcpus * period));
    return new CpuShare(vcpus, period, quota);
  }

  /**
   * The burst share of the init phase: at least one vCPU (Lambda gives initialization burst CPU),
   * or the memory's share when that is larger, capped at the host's cores. It is a quota like any
   * other, so that admission control can count it and an init never takes CPU from a measured
   * invocation.
   */
  public static CpuShare forInit(int memoryMb, int hostCores) {
    return forMemory(Math.max(memoryMb, MB_PER_VCPU), hostCores);
  }

  /** Whole processors a runtime should believe it has (for the JVM's ActiveProcessorCount). */
  public int processors() {
    return Math.max(1, (int) Math.ceil(vcpus - 1e-9));
  }
}
