package io.powertune.platform.resources;

import java.util.Map;

/**
 * What the scheduler had counted for an environment's threads at one moment: each thread's time on
 * a CPU and its time runnable but waiting for one ({@code /proc/TID/schedstat}), and the time the
 * group's CPU quota held it back (the cgroup's throttled time).
 *
 * @param threads by thread id
 * @param throttledNanos the group's throttled time so far
 */
public record CpuSample(Map<Integer, ThreadTimes> threads, long throttledNanos) {

  /** One thread's counters, in nanoseconds. */
  public record ThreadTimes(long runNanos, long waitNanos) {}

  public CpuSample {
    threads = Map.copyOf(threads);
  }
}
