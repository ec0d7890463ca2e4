package io.powertune.platform.resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes cgroup control files. */
final class CgroupFiles {

  private CgroupFiles() {}

  static void write(Path file, String value) {
    try {
      Files.writeString(file, value, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + value + " to " + file, e);
    }
  }

  /** Writes when the file exists (optional controls such as swap limits). */
  static void writeIfPresent(Path file, String value) {
    if (Files.exists(file)) {
      write(file, value);
    }
  }

  static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static long readLong(Path file) {
    try {
      return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  /**
   * The number after {@code key} in a flat-keyed file such as memory.events ({@code oom_kill 1}).
   */
  static long readKey(Path file, String key) {
    try {
      Matcher m =
          Pattern.compile("(?m)^" + Pattern.quote(key) + " (\\d+)$")
              .matcher(Files.readString(file, StandardCharsets.US_ASCII));
      return m.find() ? Long.parseLong(m.group(1)) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  static void createDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  /**
   * Removes a group directory. On a cgroup file system rmdir removes a group whose processes have
   * ended, control files and all; on an ordinary one (tests) the files go first.
   */
  /**
   * Kills the processes listed in {@code procs} (a group's {@code cgroup.procs}) until it lists
   * none, in a bounded number of rounds (a process may fork while the list is read).
   */
  static void killListed(Path procs) {
    for (int round = 0; round < 20 && Files.exists(procs); round++) {
      String text;
      try {
        text = Files.readString(procs).strip();
      } catch (IOException e) {
        return; // the group is gone
      }
      if (text.isEmpty()) {
        return;
      }
      for (String pid : text.split("\\s+")) {
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
      }
      Thread.onSpinWait();
    }
  }

  /**
   * In each base, the groups named with {@code prefix}: their processes killed (those listed in the
   * first base's group), then every one of them removed.
   *
   * @return how many groups (of the first base) were removed
   */
  static int removeStale(String prefix, java.util.List<Path> bases) {
    if (bases.isEmpty() || !Files.isDirectory(bases.get(0))) {
      return 0;
    }
    java.util.List<String> stale;
    try (var dirs = Files.list(bases.get(0))) {
      stale =
          dirs.map(d -> d.getFileName().toString())
              .filter(name -> name.startsWith(prefix))
              .toList();
    } catch (IOException e) {
      return 0;
    }
    for (String name : stale) {
      killListed(bases.get(0).resolve(name).resolve("cgroup.procs"));
      for (Path base : bases) {
        remove(base.resolve(name));
      }
    }
    return stale.size();
  }

  static void remove(Path dir) {
    try {
      Files.deleteIfExists(dir);
    } catch (DirectoryNotEmptyException e) {
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
        Files.deleteIfExists(dir);
      } catch (IOException again) {
        // left for the next start to clear
      }
    } catch (IOException e) {
      // a group that cannot go yet (a process still exiting) is left for the next start to clear
    }
  }
}
