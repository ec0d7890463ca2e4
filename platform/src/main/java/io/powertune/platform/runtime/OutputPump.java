package io.powertune.platform.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads a process's output on its own thread and hands every line to the current sink. {@link
 * #drain} waits until what the process wrote so far has been handed on, so a line printed just
 * before the runtime answered still belongs to that invocation.
 */
final class OutputPump implements Runnable {

  /** The longest line kept whole (Lambda splits log events at 256 KB). */
  private static final int MAX_LINE = 256 * 1024;

  private static final long DRAIN_LIMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  /** How long the pipe must stay quiet: covers a read that returned but was not yet counted. */
  private static final long QUIET_NANOS = TimeUnit.MICROSECONDS.toNanos(5);

  private final OutputPipe in;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private final OutputSink sink;
  private volatile long readChunks;
  private volatile long handledChunks;

  OutputPump(OutputPipe in, OutputSink sink) {
    this.in = in;
    this.sink = sink;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0 && !in.closed()) {
        readChunks++;
        split(buffer, n);
        handledChunks++;
      }
    } catch (IOException e) {
      // the process is gone
    } finally {
      if (partial.size() > 0) {
        sink.line(partial.toString(StandardCharsets.UTF_8));
        partial.reset();
      }
      handledChunks = readChunks;
    }
  }

  private void split(byte[] buffer, int n) {
    int start = 0;
    for (int i = 0; i < n; i++) {
      if (buffer[i] == '\n') {
        partial.write(buffer, start, i - start);
        sink.line(partial.toString(StandardCharsets.UTF_8));
        partial.reset();
        start = i + 1;
      }
    }
    partial.write(buffer, start, n - start);
    if (partial.size() > MAX_LINE) {
      // output without line breaks: hand it on in pieces rather than hold it all
      sink.line(partial.toString(StandardCharsets.UTF_8));
      partial.reset();
    }
  }

  /** Stops reading: the process is gone and what it wrote has been read. */
  void close() {
    in.close();
  }

  /**
   * Waits (briefly, bounded) until every byte already written has been read and handed on: nothing
   * is left in the pipe and every chunk read has been split into lines. Quiet is confirmed twice, a
   * few microseconds apart, to cover a read that has returned but not yet been counted.
   */
  void drain() {
    long deadline = System.nanoTime() + DRAIN_LIMIT_NANOS;
    long quietSince = 0;
    while (System.nanoTime() < deadline) {
      if (readChunks == handledChunks && available() == 0) {
        long now = System.nanoTime();
        if (quietSince == 0) {
          quietSince = now;
        } else if (now - quietSince > QUIET_NANOS) {
          return;
        }
        Thread.onSpinWait();
      } else {
        quietSince = 0;
        LockSupport.parkNanos(10_000);
      }
    }
  }

  private int available() {
    try {
      return in.available();
    } catch (IOException e) {
      return 0;
    }
  }
}
