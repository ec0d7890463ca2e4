package io.powertune.platform.resources;

/**
 * The CPU an execution environment gets, as Lambda gives it: memory / 1,769 MB of a vCPU (1,769 MB
 * is one vCPU, 10,240 MB nearly six), capped at the host's cores.
 *
 * <p>The CFS period is short, so that a handler of a few milliseconds is throttled smoothly rather
 * than running free for one long period and then stalling for the next: {@code max(10 ms, 1 ms x
 * 1769 / memory)}. That keeps the quota at or above the kernel's 1 ms minimum (at 128 MB: 1 ms
 * every 13.8 ms), and at 10 ms otherwise, well under the 100 ms default that made short handlers'
 * times depend on where in a period they started (see shared/notes/cpu-fidelity.md).
 *
 * @param vcpus the share of CPUs, e.g. 0.0724 at 128 MB
 * @param periodUs the CFS period in microseconds
 * @param quotaUs the CFS quota per period in microseconds
 */
public record CpuShare(double vcpus, long periodUs, long quotaUs) {

  /** Memory that buys one vCPU on Lambda. */
  public static final int MB_PER_VCPU = 1769;

  private static final long MIN_PERIOD_US = 10_000;
  private static final long MIN_QUOTA_US = 1_000;

  /** The share for a memory size on a host with {@code hostCores} cores. */
  public static CpuShare forMemory(int memoryMb, int hostCores) {
    double vcpus = Math.min((double) memoryMb / MB_PER_VCPU, hostCores);
    long period = Math.max(MIN_PERIOD_US, (long) Math.ceil(MIN_QUOTA_US / vcpus));
    long quota = Math.max(MIN_QUOTA_US, Math.round(vcpus * period));
    return new CpuShare(vcpus, period, quota);
  }

  /** Whole processors a runtime should believe it has (for the JVM's ActiveProcessorCount). */
  public int processors() {
    return Math.max(1, (int) Math.ceil(vcpus - 1e-9));
  }
}
