package io.powertune.statemachine.run;

import java.util.concurrent.Semaphore;

/**
 * The threads every execution's Map iterations and Parallel branches may take, together: at most
 * {@code limit}. A unit that finds none free runs on the thread that started it, one after another,
 * so nested Maps never wait for threads held by the Maps waiting for them, and a definition that
 * fans out without end cannot start threads without end.
 */
public final class BranchThreads {

  /** The default: enough for the tuner's sizes and a few executions at once. */
  public static final int DEFAULT_LIMIT = 64;

  private final Semaphore free;

  public BranchThreads(int limit) {
    this.free = new Semaphore(limit);
  }

  /** Takes a thread, if one is free. */
  boolean tryTake() {
    return free.tryAcquire();
  }

  /** Gives back a thread taken with {@link #tryTake}. */
  void giveBack() {
    free.release();
  }
}
