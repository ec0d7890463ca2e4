package io.powertune.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;

/**
 * A folder a test and its functions both reach, for signals between them: not under /tmp (each
 * environment has its own) nor in the state directory (functions cannot reach it), but in /dev/shm,
 * open to every user.
 */
final class SharedFolder implements AutoCloseable {

  private final Path dir;

  SharedFolder(String name) {
    try {
      Path base =
          Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of("/var/tmp");
      dir = Files.createTempDirectory(base, "powertune-" + name + "-");
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path path() {
    return dir;
  }

  @Override
  public void close() {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
