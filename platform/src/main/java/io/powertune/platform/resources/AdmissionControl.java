package io.powertune.platform.resources;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps measurements free of contention: at any moment the CPU shares of running invocations add up
 * to at most the capacity (the host's cores less headroom for the platform). An invocation that
 * does not fit waits its turn, first come first served, for a bounded time.
 */
public final class AdmissionControl {

  /** A granted share; closing it gives the share back. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  private final double capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<Condition> waiting = new ArrayDeque<>();
  private double inUse;

  /**
   * @param capacity vCPUs that running invocations may use together
   */
  public AdmissionControl(double capacity) {
    this.capacity = capacity;
  }

  /** Capacity for a host: its cores less a fifth of a core for the platform itself. */
  public static AdmissionControl forHost(int cores) {
    return new AdmissionControl(Math.max(cores - 0.2, 0.5));
  }

  public double capacity() {
    return capacity;
  }

  /**
   * Takes {@code vcpus} (at most the whole capacity), waiting up to {@code wait} for them.
   *
   * @return the permit, or null when the wait ran out
   */
  public Permit tryAcquire(double vcpus, Duration wait) throws InterruptedException {
    double share = Math.min(vcpus, capacity);
    long remaining = wait.toNanos();
    lock.lock();
    try {
      Condition turn = lock.newCondition();
      waiting.addLast(turn);
      try {
        while (waiting.peekFirst() != turn || inUse + share > capacity + 1e-9) {
          if (remaining <= 0) {
            return null;
          }
          remaining = turn.awaitNanos(remaining);
        }
        inUse += share;
        return () -> release(share);
      } finally {
        waiting.remove(turn);
        Condition next = waiting.peekFirst();
        if (next != null) {
          next.signal();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private void release(double share) {
    lock.lock();
    try {
      inUse -= share;
      Condition next = waiting.peekFirst();
      if (next != null) {
        next.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** vCPUs granted now. */
  public double inUse() {
    lock.lock();
    try {
      return inUse;
    } finally {
      lock.unlock();
    }
  }
}
