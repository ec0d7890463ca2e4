package io.powertune.platform.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident memory of a process, read from {@code /proc/<pid>/status} (VmHWM). */
final class ProcessMemory {

  private ProcessMemory() {}

  /**
   * The runtime process's own peak (children, if any, are not counted: walking the process table on
   * every invocation costs milliseconds; a cgroup's peak covers them where cgroups are used).
   */
  static int peakMb(ProcessHandle process) {
    return (int) Math.ceil(peakKb(process.pid()) / 1024.0);
  }

  private static long peakKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the process is gone or /proc is not there
    }
    return 0;
  }
}
