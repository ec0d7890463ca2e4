package io.powertune.platform.resources;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps measurements free of contention: at any moment the CPU shares of running invocations add up
 * to at most the capacity (the host's cores less headroom for the platform), and a share below one
 * CPU is placed on one CPU whose placed shares stay within that CPU (an unpinned throttled process
 * runs up to twice as slow, shared/notes/cpu-fidelity.md). An invocation that does not fit waits
 * its turn, first come first served, for a bounded time.
 */
public final class AdmissionControl {

  /** A granted share; closing it gives the share back. */
  public interface Permit extends AutoCloseable {

    /** The CPU the invocation is pinned to, or -1 for any. */
    int cpu();

    @Override
    void close();
  }

  private static final double EPSILON = 1e-9;

  private final double capacity;
  private final double[] placed;
  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<Condition> waiting = new ArrayDeque<>();
  private double inUse;
  private double unpinned;

  /**
   * @param capacity vCPUs that running invocations may use together
   * @param cores the host's CPUs
   */
  public AdmissionControl(double capacity, int cores) {
    this.capacity = capacity;
    this.placed = new double[cores];
  }

  /** Capacity for a host: its cores less a fifth of a core for the platform itself. */
  public static AdmissionControl forHost(int cores) {
    return new AdmissionControl(Math.max(cores - 0.2, 0.5), cores);
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
        int cpu;
        while (waiting.peekFirst() != turn || (cpu = place(share)) == NO_ROOM) {
          if (remaining <= 0) {
            return null;
          }
          remaining = turn.awaitNanos(remaining);
        }
        return grant(share, cpu);
      } finally {
        waiting.remove(turn);
        signalNext();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes {@code vcpus} as {@link #tryAcquire} does; when {@code wait} runs out, takes them anyway,
   * beyond the capacity and on no CPU in particular. For an invocation that already runs and must
   * have its share back (a caller whose nested call returned), which cannot be throttled.
   */
  public Permit acquireOrExceed(double vcpus, Duration wait) throws InterruptedException {
    Permit permit = tryAcquire(vcpus, wait);
    return permit != null ? permit : exceed(vcpus);
  }

  /** Takes {@code vcpus} at once, beyond the capacity if need be, on no CPU in particular. */
  public Permit exceed(double vcpus) {
    lock.lock();
    try {
      return grant(Math.min(vcpus, capacity), -1);
    } finally {
      lock.unlock();
    }
  }

  private static final int NO_ROOM = -2;

  /** The CPU for a share up to one (-1 for a larger share), or NO_ROOM when it does not fit now. */
  private int place(double share) {
    if (inUse + share > capacity + EPSILON) {
      return NO_ROOM;
    }
    if (share > 1 + EPSILON) {
      return -1;
    }
    double spread = unpinned / placed.length;
    int best = NO_ROOM;
    for (int cpu = 0; cpu < placed.length; cpu++) {
      boolean fits = placed[cpu] + spread + share <= 1 + EPSILON;
      if (fits && (best == NO_ROOM || placed[cpu] < placed[best])) {
        best = cpu;
      }
    }
    return best;
  }

  private Permit grant(double share, int cpu) {
    inUse += share;
    if (cpu >= 0) {
      placed[cpu] += share;
    } else {
      unpinned += share;
    }
    return new Permit() {
      @Override
      public int cpu() {
        return cpu;
      }

      @Override
      public void close() {
        release(share, cpu);
      }
    };
  }

  private void release(double share, int cpu) {
    lock.lock();
    try {
      inUse -= share;
      if (cpu >= 0) {
        placed[cpu] -= share;
      } else {
        unpinned -= share;
      }
      signalNext();
    } finally {
      lock.unlock();
    }
  }

  private void signalNext() {
    Condition next = waiting.peekFirst();
    if (next != null) {
      next.signal();
    }
  }

  /** Callers waiting for their share now. */
  public int waiting() {
    lock.lock();
    try {
      return waiting.size();
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
