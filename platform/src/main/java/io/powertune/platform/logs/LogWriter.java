package io.powertune.platform.logs;

import io.powertune.platform.store.LogStore;
import io.powertune.platform.store.LogStore.NewEvent;
import io.powertune.platform.store.LogStore.Scope;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda's writes to CloudWatch Logs: lines are queued and a background thread stores them in
 * batches every {@link #PERIOD}, so invocations never wait for the database and never wake another
 * thread per line. {@link #flush} and {@link #close} store what is queued.
 */
public final class LogWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);
  private static final Duration PERIOD = Duration.ofMillis(25);

  private record Line(Scope scope, String group, String stream, NewEvent event) {}

  private record Target(Scope scope, String group, String stream) {}

  private final LogStore store;
  private final Clock clock;
  private final ConcurrentLinkedQueue<Line> queue = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  public LogWriter(LogStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.thread = new Thread(this::loop, "log-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues one line, stamped now. */
  public void write(Scope scope, String group, String stream, String message) {
    queue.add(new Line(scope, group, stream, new NewEvent(clock.millis(), message)));
  }

  /** Stores everything queued so far, in the order it was written. */
  public synchronized void flush() {
    List<Line> batch = new ArrayList<>();
    for (Line line = queue.poll(); line != null; line = queue.poll()) {
      batch.add(line);
    }
    Map<Target, List<NewEvent>> byStream = new LinkedHashMap<>();
    for (Line line : batch) {
      byStream
          .computeIfAbsent(
              new Target(line.scope(), line.group(), line.stream()), t -> new ArrayList<>())
          .add(line.event());
    }
    byStream.forEach(
        (t, events) ->
            store.append(t.scope(), t.group(), t.stream(), events, clock.millis(), true));
  }

  private void loop() {
    while (running) {
      LockSupport.parkNanos(PERIOD.toNanos());
      try {
        if (!queue.isEmpty()) {
          flush();
        }
      } catch (RuntimeException e) {
        LOG.warn("storing log events failed", e);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
  }
}
