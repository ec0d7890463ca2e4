package io.powertune.tuner.execute;

import java.util.function.LongSupplier;

/**
 * When an Executor call must stop starting invocations, so that it returns its progress before its
 * own Lambda timeout: an invocation starts only while the time left exceeds a reserve of twice the
 * longest invocation seen so far plus a margin.
 */
public final class Deadline {

  /** Time kept for returning the progress. */
  public static final long MARGIN_MS = 3000;

  private final LongSupplier millis;
  private final long deadlineMillis;
  private volatile long longestMs;

  /**
   * @param millis the clock, in milliseconds
   * @param remainingMs the time the call has left when it starts
   */
  public Deadline(LongSupplier millis, long remainingMs) {
    this.millis = millis;
    this.deadlineMillis = millis.getAsLong() + remainingMs;
  }

  /** True when another invocation may start now. */
  public boolean allowsAnother() {
    return deadlineMillis - millis.getAsLong() > MARGIN_MS + 2 * longestMs;
  }

  /** True when a wait of {@code ms} still leaves time for an invocation after it. */
  public boolean allowsWait(long ms) {
    return deadlineMillis - millis.getAsLong() - ms > MARGIN_MS + 2 * longestMs;
  }

  /** How long a pause may be now and still leave time for an invocation after it; 0 for none. */
  public long waitableMs() {
    return Math.max(0, deadlineMillis - millis.getAsLong() - MARGIN_MS - 2 * longestMs);
  }

  /**
   * True when a wait of {@code ms} still leaves the margin: for an invocation already under way
   * (its pre-processor ran), which finishes rather than being deferred.
   */
  public boolean allowsWaitToFinish(long ms) {
    return deadlineMillis - millis.getAsLong() - ms > MARGIN_MS;
  }

  /** Records how long an invocation (with its processors) took. */
  public void observed(long ms) {
    synchronized (this) {
      longestMs = Math.max(longestMs, ms);
    }
  }
}
