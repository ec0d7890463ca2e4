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
      String status =
          new String(
              Files.readAllBytes(Path.of("/proc", Long.toString(pid), "status")),
              java.nio.charset.StandardCharsets.US_ASCII);
      int at = status.indexOf("VmHWM:");
      if (at < 0) {
        return 0;
      }
      long kb = 0;
      for (int i = at + 6; i < status.length() && status.charAt(i) != 'k'; i++) {
        char c = status.charAt(i);
        if (c >= '0' && c <= '9') {
          kb = kb * 10 + (c - '0');
        }
      }
      return kb;
    } catch (IOException e) {
      return 0; // the process is gone or /proc is not there
    }
  }
}
