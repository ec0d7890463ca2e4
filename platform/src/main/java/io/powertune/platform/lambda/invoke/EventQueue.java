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

  /** Lambda keeps an event for at most six hours. */
  private static final Duration MAX_AGE = Duration.ofHours(6);

  private static final Duration THROTTLE_DELAY = Duration.ofSeconds(1);

  private final List<Duration> retryDelays;
  private final ExecutorService workers = Executors.newCachedThreadPool(daemon("event-invoke"));
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("event-retry"));

  public EventQueue(List<Duration> retryDelays) {
    this.retryDelays = List.copyOf(retryDelays);
  }

  /** How one attempt at an event ended. */
  public enum Attempt {
    SUCCEEDED,
    FAILED,
    /** Not run: concurrency was exhausted. Tried again later without using up a retry. */
    THROTTLED
  }

  /** Queues an event; {@code attempt} runs it once. */
  public void submit(Supplier<Attempt> attempt) {
    schedule(attempt, 0, System.nanoTime() + MAX_AGE.toNanos());
  }

  private void schedule(Supplier<Attempt> attempt, int failures, long expiresNanos) {
    workers.execute(
        () -> {
          Attempt outcome;
          try {
            outcome = attempt.get();
          } catch (RuntimeException e) {
            LOG.debug("event invocation failed", e);
            outcome = Attempt.FAILED;
          }
          if (outcome == Attempt.THROTTLED && System.nanoTime() < expiresNanos) {
            timer.schedule(
                () -> schedule(attempt, failures, expiresNanos),
                THROTTLE_DELAY.toMillis(),
                TimeUnit.MILLISECONDS);
          } else if (outcome == Attempt.FAILED && failures < retryDelays.size()) {
            timer.schedule(
                () -> schedule(attempt, failures + 1, expiresNanos),
                retryDelays.get(failures).toMillis(),
                TimeUnit.MILLISECONDS);
          } else if (outcome != Attempt.SUCCEEDED) {
            LOG.warn("an Event invocation was dropped after its retries ({})", outcome);
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
