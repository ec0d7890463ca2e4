package io.powertune.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The state directory holds the platform's key, its database and every function's code: it must
 * belong to the platform's user and nobody else may write to it. Once checked it is made private
 * (0700), and so is the database.
 */
final class StateDirectoryPermissions {

  private StateDirectoryPermissions() {}

  /**
   * Checks and restricts the directory.
   *
   * @throws UnsafeStateDirectoryException when another user owns it or others may write to it
   */
  static void secure(Path stateDir) {
    try {
      int owner = (Integer) Files.getAttribute(stateDir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      int self = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      if (owner != self) {
        throw new UnsafeStateDirectoryException(
            stateDir,
            "belongs to uid " + owner + ", not to the platform's user (uid " + self + ")",
            "give a state directory of your own with --state-dir");
      }
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(stateDir);
      if (mode.contains(PosixFilePermission.GROUP_WRITE)
          || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
        throw new UnsafeStateDirectoryException(
            stateDir,
            "may be written by other users (" + PosixFilePermissions.toString(mode) + ")",
            "run chmod go-w on it, or give another directory with --state-dir");
      }
      Files.setPosixFilePermissions(stateDir, PosixFilePermissions.fromString("rwx------"));
      Path database = stateDir.resolve("state.db");
      if (!Files.exists(database)) {
        Files.createFile(database); // SQLite gives its journal files the database's mode
      }
      Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + stateDir, e);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing to check
    }
  }
}
