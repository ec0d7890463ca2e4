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

  private static final long DRAIN_LIMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final OutputPipe in;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private volatile OutputSink sink;
  private volatile boolean busy;

  OutputPump(OutputPipe in, OutputSink sink) {
    this.in = in;
    this.sink = sink;
  }

  void sink(OutputSink next) {
    this.sink = next;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0 && !in.closed()) {
        busy = true;
        split(buffer, n);
        busy = false;
      }
    } catch (IOException e) {
      // the process is gone
    } finally {
      if (partial.size() > 0) {
        sink.line(partial.toString(StandardCharsets.UTF_8));
        partial.reset();
      }
      busy = false;
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
  }

  /** Stops reading: the process is gone and what it wrote has been read. */
  void close() {
    in.close();
  }

  /** Waits (briefly, bounded) until every byte already written has been read and dispatched. */
  void drain() {
    long deadline = System.nanoTime() + DRAIN_LIMIT_NANOS;
    try {
      while ((busy || in.available() > 0) && System.nanoTime() < deadline) {
        LockSupport.parkNanos(20_000);
      }
    } catch (IOException e) {
      // closed: nothing more to read
    }
  }
}
