package io.powertune.platform.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Named pipes for runtimes' output, made one ahead in the background: a cold start then takes one
 * with a rename instead of running {@code mkfifo} (a process: about 1.5 ms of the cold start).
 */
final class FifoSpares implements AutoCloseable {

  private final Path dir;
  private final AtomicReference<Path> spare = new AtomicReference<>();
  private final ExecutorService maker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "fifo-spares");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param dir where spares wait; on the file system of the environments' folders
   */
  FifoSpares(Path dir) {
    this.dir = dir;
  }

  /** Puts a new named pipe at {@code target}. */
  void take(Path target) throws IOException {
    Path ready = spare.getAndSet(null);
    boolean taken = false;
    if (ready != null) {
      try {
        Files.move(ready, target, StandardCopyOption.ATOMIC_MOVE);
        taken = true;
      } catch (IOException e) {
        Files.deleteIfExists(ready);
      }
    }
    if (!taken) {
      OutputPipe.mkfifo(target);
    }
    maker.execute(this::refill);
  }

  private void refill() {
    if (spare.get() != null) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path next = dir.resolve(UUID.randomUUID().toString());
      OutputPipe.mkfifo(next);
      if (!spare.compareAndSet(null, next)) {
        Files.deleteIfExists(next);
      }
    } catch (IOException e) {
      // the next cold start makes its own
    }
  }

  @Override
  public void close() {
    maker.shutdownNow();
    Path left = spare.getAndSet(null);
    if (left != null) {
      try {
        Files.deleteIfExists(left);
      } catch (IOException e) {
        // a leftover pipe in the platform's tmp folder is removed at the next start
      }
    }
  }
}
