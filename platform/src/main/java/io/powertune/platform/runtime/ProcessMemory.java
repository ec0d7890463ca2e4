package io.powertune.platform.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident memory of a process tree, read from {@code /proc/<pid>/status} (VmHWM). */
final class ProcessMemory {

  private ProcessMemory() {}

  static int peakMb(ProcessHandle process) {
    long kb = peakKb(process.pid());
    for (ProcessHandle child : process.descendants().toList()) {
      kb += peakKb(child.pid());
    }
    return (int) Math.ceil(kb / 1024.0);
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
