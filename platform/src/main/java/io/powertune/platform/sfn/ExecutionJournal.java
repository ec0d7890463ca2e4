package io.powertune.platform.sfn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes executions' events, checkpoints and ends to the store in batches, in the order they
 * happened, every few milliseconds: a checkpoint is never stored before the events that led to it.
 * Readers call {@link #flush()} first, so they see everything recorded so far.
 */
final class ExecutionJournal implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutionJournal.class);
  private static final long INTERVAL_MS = 10;

  private final SfnStore store;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition pendingWork = lock.newCondition();
  private final ReentrantLock writing = new ReentrantLock();
  private final Thread writer;
  private List<JournalEntry> pending = new ArrayList<>();
  private volatile boolean closed;

  ExecutionJournal(SfnStore store) {
    this.store = store;
    this.writer = new Thread(this::loop, "sfn-journal");
    writer.setDaemon(true);
    writer.start();
  }

  void add(JournalEntry entry) {
    lock.lock();
    try {
      pending.add(entry);
      if (pending.size() == 1) {
        pendingWork.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Writes everything added so far before returning. */
  void flush() {
    writing.lock();
    try {
      List<JournalEntry> batch;
      lock.lock();
      try {
        batch = pending;
        pending = new ArrayList<>();
      } finally {
        lock.unlock();
      }
      if (!batch.isEmpty()) {
        try {
          store.write(batch);
        } catch (RuntimeException e) {
          lock.lock();
          try {
            batch.addAll(pending); // keep the order: this batch first, then what came since
            pending = batch;
          } finally {
            lock.unlock();
          }
          throw e;
        }
      }
    } finally {
      writing.unlock();
    }
  }

  private void loop() {
    while (!closed) {
      try {
        lock.lock();
        try {
          while (pending.isEmpty() && !closed) {
            pendingWork.await();
          }
        } finally {
          lock.unlock();
        }
        Thread.sleep(INTERVAL_MS); // let a batch gather
        flush();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.error("writing execution history failed: {}", e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    writer.interrupt();
    try {
      writer.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
  }
}
