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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda's writes to CloudWatch Logs: lines are queued and a background thread stores them in
 * batches every {@link #PERIOD}, so invocations never wait for the database and never wake another
 * thread per line. {@link #flush} and {@link #close} store what is queued.
 *
 * <p>The queue holds at most {@link #MAX_QUEUED_CHARS} characters: a function that prints faster
 * than its lines are stored loses the lines past that (Lambda drops what its log pipeline cannot
 * take too), and its stream gets one line saying how many, so the platform's memory stays bounded.
 */
public final class LogWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);
  private static final Duration PERIOD = Duration.ofMillis(25);

  /** How much output may wait to be stored: 16 M characters. */
  public static final long MAX_QUEUED_CHARS = 16L * 1024 * 1024;

  private record Line(Scope scope, String group, String stream, NewEvent event) {}

  private record Target(Scope scope, String group, String stream) {}

  private final LogStore store;
  private final Clock clock;
  private final long maxQueuedChars;
  private final Duration period;
  private final ConcurrentLinkedQueue<Line> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong queuedChars = new AtomicLong();
  private final AtomicLong mostQueuedChars = new AtomicLong();
  private final Map<Target, AtomicLong> dropped = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  public LogWriter(LogStore store, Clock clock) {
    this(store, clock, MAX_QUEUED_CHARS, PERIOD);
  }

  /**
   * @param maxQueuedChars how much output may wait to be stored
   * @param period how often the background thread stores what waits
   */
  LogWriter(LogStore store, Clock clock, long maxQueuedChars, Duration period) {
    this.store = store;
    this.clock = clock;
    this.maxQueuedChars = maxQueuedChars;
    this.period = period;
    this.thread = new Thread(this::loop, "log-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues one line, stamped now; drops it (and counts it) when too much waits already. */
  public void write(Scope scope, String group, String stream, String message) {
    long queued = queuedChars.addAndGet(message.length());
    if (queued > maxQueuedChars) {
      queuedChars.addAndGet(-message.length());
      dropped
          .computeIfAbsent(new Target(scope, group, stream), t -> new AtomicLong())
          .incrementAndGet();
      return;
    }
    mostQueuedChars.accumulateAndGet(queued, Math::max);
    queue.add(new Line(scope, group, stream, new NewEvent(clock.millis(), message)));
  }

  /** The most characters that ever waited to be stored at once. */
  public long mostQueuedChars() {
    return mostQueuedChars.get();
  }

  /** Stores everything queued so far, in the order it was written. */
  public synchronized void flush() {
    List<Line> batch = new ArrayList<>();
    for (Line line = queue.poll(); line != null; line = queue.poll()) {
      batch.add(line);
      queuedChars.addAndGet(-line.event().message().length());
    }
    Map<Target, List<NewEvent>> byStream = new LinkedHashMap<>();
    for (Line line : batch) {
      byStream
          .computeIfAbsent(
              new Target(line.scope(), line.group(), line.stream()), t -> new ArrayList<>())
          .add(line.event());
    }
    for (Target target : List.copyOf(dropped.keySet())) {
      long count = dropped.remove(target).get();
      byStream
          .computeIfAbsent(target, t -> new ArrayList<>())
          .add(
              new NewEvent(
                  clock.millis(),
                  "[powertune] "
                      + count
                      + " lines of output were dropped: the function wrote faster than its log"
                      + " is stored"));
    }
    byStream.forEach(
        (t, events) ->
            store.append(t.scope(), t.group(), t.stream(), events, clock.millis(), true));
  }

  private void loop() {
    while (running) {
      LockSupport.parkNanos(period.toNanos());
      try {
        if (!queue.isEmpty() || !dropped.isEmpty()) {
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
