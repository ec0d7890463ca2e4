package io.powertune.platform.lambda.invoke;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous (Event) invocations: run in the background, and when the function fails, retried
 * twice after the configured delays, as Lambda does (one and two minutes by default).
 */
public final class EventQueue implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventQueue.class);

  private final List<Duration> retryDelays;
  private final ExecutorService workers = Executors.newCachedThreadPool(daemon("event-invoke"));
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("event-retry"));

  public EventQueue(List<Duration> retryDelays) {
    this.retryDelays = List.copyOf(retryDelays);
  }

  /** Queues an event; {@code attempt} runs it once and returns true when it succeeded. */
  public void submit(Supplier<Boolean> attempt) {
    schedule(attempt, 0);
  }

  private void schedule(Supplier<Boolean> attempt, int failures) {
    workers.execute(
        () -> {
          boolean ok;
          try {
            ok = attempt.get();
          } catch (RuntimeException e) {
            LOG.debug("event invocation failed", e);
            ok = false;
          }
          if (!ok && failures < retryDelays.size()) {
            timer.schedule(
                () -> schedule(attempt, failures + 1),
                retryDelays.get(failures).toMillis(),
                TimeUnit.MILLISECONDS);
          }
        });
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdownNow();
  }
}
