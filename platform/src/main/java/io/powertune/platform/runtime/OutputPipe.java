package io.powertune.platform.runtime;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * The read end of a named pipe that a runtime process writes its output to. It is opened read-write
 * so neither side blocks on open; a read returns -1 once {@link #close()} is called after the
 * process ended. Unlike a process's own stream, {@link #available()} can be asked while a read
 * waits.
 */
final class OutputPipe implements AutoCloseable {

  private final RandomAccessFile file;
  private final FileInputStream in;
  private volatile boolean closed;

  private OutputPipe(RandomAccessFile file) throws IOException {
    this.file = file;
    this.in = new FileInputStream(file.getFD());
  }

  /** Makes a named pipe at {@code path} (with {@code mkfifo}, mode 0600). */
  static void mkfifo(Path path) throws IOException {
    Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", path.toString()).start();
    try {
      if (mkfifo.waitFor() != 0) {
        throw new IOException("mkfifo " + path + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while making " + path, e);
    }
  }

  /** Opens the named pipe at {@code path}. */
  static OutputPipe open(Path path) throws IOException {
    return new OutputPipe(new RandomAccessFile(path.toFile(), "rw"));
  }

  int read(byte[] buffer) throws IOException {
    if (closed) {
      return -1;
    }
    return in.read(buffer);
  }

  int available() throws IOException {
    return closed ? 0 : in.available();
  }

  boolean closed() {
    return closed;
  }

  /**
   * Ends reading: wakes a waiting read (by writing to the pipe ourselves) and releases the pipe.
   */
  @Override
  public void close() {
    closed = true;
    try {
      file.write('\n');
      file.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
