package io.powertune.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one platform a state directory serves: an exclusive lock on {@code DIR/lock}, held while the
 * platform runs and released by the operating system if its process dies. A second platform on the
 * same directory would resume the same executions and write the same database.
 */
final class StateDirectoryLock implements AutoCloseable {

  private final Path stateDir;
  private final FileChannel channel;
  private final FileLock lock;

  private StateDirectoryLock(Path stateDir, FileChannel channel, FileLock lock) {
    this.stateDir = stateDir;
    this.channel = channel;
    this.lock = lock;
  }

  Path stateDir() {
    return stateDir;
  }

  /**
   * Takes the lock.
   *
   * @throws StateDirectoryInUseException when another platform holds it
   */
  static StateDirectoryLock acquire(Path stateDir) throws IOException {
    FileChannel channel =
        FileChannel.open(
            stateDir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new StateDirectoryInUseException(stateDir, owner(stateDir));
    }
    return new StateDirectoryLock(stateDir, channel, lock);
  }

  private static String owner(Path stateDir) {
    try {
      return Files.readString(stateDir.resolve("pid")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
