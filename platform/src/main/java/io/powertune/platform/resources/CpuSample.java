package io.powertune.platform.resources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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

  /**
   * Reads the counters of the threads listed in {@code threadList} (a cgroup's {@code tasks} or
   * {@code cgroup.threads}); threads that end while they are read are left out.
   */
  static CpuSample read(Path threadList, long throttledNanos) {
    Map<Integer, ThreadTimes> threads = new HashMap<>();
    for (String line : CgroupFiles.readText(threadList).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int tid = Integer.parseInt(line.strip());
      ThreadTimes times = schedstat(Path.of("/proc", Integer.toString(tid), "schedstat"));
      if (times != null) {
        threads.put(tid, times);
      }
    }
    return new CpuSample(threads, throttledNanos);
  }

  /** {@code <time on CPU> <time waiting on a run queue> <timeslices>}, or null once gone. */
  private static ThreadTimes schedstat(Path file) {
    try {
      String[] fields = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
      return new ThreadTimes(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
