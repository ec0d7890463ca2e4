package io.powertune.platform.lambda.invoke;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous (Event) invocations: run in the background, and when the function fails, retried
 * twice after the configured delays, as Lambda does (one and two minutes by default). Whoever
 * submits an event is told of each failed attempt and of its end, so it can keep the event stored
 * until then.
 */
public final class EventQueue implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventQueue.class);

  /** Lambda keeps an event for at most six hours. */
  private static final Duration MAX_AGE = Duration.ofHours(6);

  private static final Duration THROTTLE_DELAY = Duration.ofSeconds(1);

  private final List<Duration> retryDelays;
  private final Clock clock;
  private final ExecutorService workers = Executors.newCachedThreadPool(daemon("event-invoke"));
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("event-retry"));

  public EventQueue(List<Duration> retryDelays, Clock clock) {
    this.retryDelays = List.copyOf(retryDelays);
    this.clock = clock;
  }

  /** When an event accepted now is dropped, run or not (epoch milliseconds). */
  public long expiryOfNewEvent() {
    return clock.millis() + MAX_AGE.toMillis();
  }

  /** How one attempt at an event ended. */
  public enum Attempt {
    SUCCEEDED,
    FAILED,
    /** Not run: concurrency was exhausted. Tried again later without using up a retry. */
    THROTTLED
  }

  /**
   * Queues an event.
   *
   * @param attempt runs it once
   * @param failures how many attempts already failed (after a restart)
   * @param expiresAtMillis when it is dropped, run or not
   * @param onFailure told the number of failed attempts after each failure that will be retried
   * @param onEnd told once the event is done: run, or dropped
   */
  public void submit(
      Supplier<Attempt> attempt,
      int failures,
      long expiresAtMillis,
      IntConsumer onFailure,
      Runnable onEnd) {
    schedule(new Queued(attempt, expiresAtMillis, onFailure, onEnd), failures, 0);
  }

  private record Queued(
      Supplier<Attempt> attempt, long expiresAtMillis, IntConsumer onFailure, Runnable onEnd) {}

  private void schedule(Queued event, int failures, long delayMillis) {
    Runnable run =
        () ->
            workers.execute(
                () -> {
                  Attempt outcome;
                  try {
                    outcome = event.attempt().get();
                  } catch (RuntimeException e) {
                    LOG.debug("event invocation failed", e);
                    outcome = Attempt.FAILED;
                  }
                  boolean alive = clock.millis() < event.expiresAtMillis();
                  if (outcome == Attempt.THROTTLED && alive) {
                    schedule(event, failures, THROTTLE_DELAY.toMillis());
                  } else if (outcome == Attempt.FAILED && alive && failures < retryDelays.size()) {
                    event.onFailure().accept(failures + 1);
                    schedule(event, failures + 1, retryDelays.get(failures).toMillis());
                  } else {
                    if (outcome != Attempt.SUCCEEDED) {
                      LOG.warn("an Event invocation was dropped after its retries ({})", outcome);
                    }
                    event.onEnd().run();
                  }
                });
    if (delayMillis == 0) {
      run.run();
    } else {
      timer.schedule(run, delayMillis, TimeUnit.MILLISECONDS);
    }
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
