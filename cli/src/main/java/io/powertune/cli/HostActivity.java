package io.powertune.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How busy the host was with work other than the platform's, over a tuning run: the host's busy CPU
 * time ({@code /proc/stat}, steal included) less the CPU time of the platform's process and its
 * descendants (the function processes). Work beside the platform takes CPU from the functions it
 * measures, so a run on a busy host reads slow.
 */
public final class HostActivity {

  /** The share of the host's CPU taken by other work above which a run is called contended. */
  static final double THRESHOLD = 0.15;

  /**
   * A reading of the counters.
   *
   * @param hostBusyTicks the host's busy CPU time, in clock ticks
   * @param ownTicks the platform's process tree's CPU time, in clock ticks
   * @param nanos when it was taken
   * @param cores the host's CPUs (the {@code cpuN} lines of /proc/stat, whatever this process may
   *     use)
   */
  record Snapshot(long hostBusyTicks, long ownTicks, long nanos, int cores) {}

  /** Clock ticks per second in /proc (USER_HZ, the same on every Linux). */
  public static final long TICKS_PER_SECOND = 100;

  private HostActivity() {}

  /** Reads the counters for the process tree of {@code pid}; empty where /proc cannot say. */
  static Optional<Snapshot> take(long pid) {
    try {
      long own = processTicks(pid, false) + childrenTicks(pid);
      String stat = Files.readString(Path.of("/proc/stat"));
      return Optional.of(new Snapshot(hostBusyTicks(stat), own, System.nanoTime(), cores(stat)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The CPU time, in clock ticks, of the descendants of {@code pid}: those alive now and those it
   * (or they) already reaped. For a platform's process, the CPU its functions used.
   */
  public static long childrenTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    long ticks = processTicks(stat, true) - processTicks(stat, false);
    ProcessHandle root =
        ProcessHandle.of(pid).orElseThrow(() -> new IOException("no process " + pid));
    for (ProcessHandle child : (Iterable<ProcessHandle>) root.descendants()::iterator) {
      ticks += processTicks(child.pid(), true);
    }
    return ticks;
  }

  /** A note when other work took more than {@link #THRESHOLD} of the host's CPU between the two. */
  static Optional<String> note(Snapshot before, Snapshot after) {
    int cores = after.cores();
    double seconds = (after.nanos() - before.nanos()) / 1e9;
    if (seconds <= 0) {
      return Optional.empty();
    }
    long foreign =
        Math.max(
            0,
            (after.hostBusyTicks() - before.hostBusyTicks())
                - (after.ownTicks() - before.ownTicks()));
    double share = foreign / (seconds * TICKS_PER_SECOND * cores);
    if (share <= THRESHOLD) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "the host was busy with other work during the run (%d%% of its %d CPUs went to"
                + " processes outside the platform), so durations may read high; rerun on a"
                + " quiet machine for figures you can rely on",
            Math.round(share * 100),
            cores));
  }

  /** user + nice + system + irq + softirq + steal of the {@code cpu} line. */
  static long hostBusyTicks(String procStat) {
    String[] fields = procStat.lines().findFirst().orElse("").trim().split("\\s+");
    long busy = 0;
    for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
      busy += Long.parseLong(fields[i]);
    }
    return busy;
  }

  /** utime + stime (+ cutime + cstime) of a {@code /proc/PID/stat} line. */
  static long processTicks(String stat, boolean withChildren) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // fields[0] is the state (field 3 of the line): utime is field 14, so index 11 here
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    if (withChildren) {
      ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }
    return ticks;
  }

  /** The number of {@code cpuN} lines. */
  static int cores(String procStat) {
    return (int) procStat.lines().filter(l -> l.matches("cpu\\d+ .*")).count();
  }

  private static long processTicks(long pid, boolean withChildren) throws IOException {
    try {
      return processTicks(
          Files.readString(Path.of("/proc", Long.toString(pid), "stat")), withChildren);
    } catch (NoSuchFileException e) {
      return 0; // it ended between listing and reading
    }
  }
}
