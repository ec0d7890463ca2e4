package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.statemachine.StatesError;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Runs units of work (Parallel branches, Map iterations) on the execution's workers, at most {@code
 * limit} at a time, each on a thread of the shared {@link BranchThreads} or, when none is free, on
 * the calling thread. When one fails and failures are not tolerated, no further unit starts and the
 * running ones are interrupted; either way this returns only once every started unit has ended, so
 * no unit records anything after its state's end.
 */
final class Branches {

  /** What one unit ended with: its output, or its error. */
  record Result(JsonNode output, StatesError error) {}

  /** The results by index (null for units that never ran or were stopped) and the first error. */
  record Outcome(List<Result> results, StatesError firstFailure) {}

  private record Indexed(int index, Result result) {}

  private Branches() {}

  /**
   * Runs {@code count} units; with {@code stopOnError}, the first error in time stops the others.
   * The outputs are counted as they arrive: once together they pass the 256 KiB a state's output
   * may hold, the others stop and the outcome's first failure is {@code States.DataLimitExceeded},
   * with or without {@code stopOnError}.
   *
   * @param state the state's name, for that error
   */
  static Outcome run(
      RunContext run,
      String state,
      int count,
      int limit,
      boolean stopOnError,
      IntFunction<JsonNode> unit) {
    int slots = limit <= 0 ? Math.max(count, 1) : limit;
    ExecutorCompletionService<Indexed> done = new ExecutorCompletionService<>(run.workers());
    AtomicBoolean stop = new AtomicBoolean();
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    Result[] results = new Result[count];
    StatesError firstFailure = null;
    int next = 0;
    int running = 0;
    boolean interrupted = false;
    java.util.Deque<Indexed> ranHere = new java.util.ArrayDeque<>();
    long outputBytes = 2; // the brackets of the array
    while (next < count || running > 0) {
      while (!stop.get() && next < count && running < slots && ranHere.isEmpty()) {
        int index = next++;
        running++;
        BranchThreads pool = run.branchThreads();
        if (pool.tryTake()) {
          done.submit(
              () -> {
                try {
                  return attempt(unit, index, stop, threads);
                } finally {
                  pool.giveBack();
                }
              });
        } else {
          ranHere.add(attempt(unit, index, stop, threads));
        }
      }
      if (running == 0) {
        break;
      }
      Indexed finished;
      if (!ranHere.isEmpty()) {
        finished = ranHere.poll();
      } else {
        try {
          finished = take(done);
        } catch (InterruptedException e) {
          interrupted = true;
          stop(stop, threads);
          continue;
        }
      }
      running--;
      if (finished.result() == null) {
        continue; // stopped before or while it ran
      }
      results[finished.index()] = finished.result();
      if (finished.result().output() != null && firstFailure == null) {
        outputBytes += utf8Length(finished.result().output().toString()) + 1;
        if (outputBytes > GraphRunner.MAX_DATA_BYTES) {
          firstFailure = GraphRunner.dataLimitExceeded(state);
          stop(stop, threads);
        }
      }
      if (stopOnError && firstFailure == null && finished.result().error() != null) {
        firstFailure = finished.result().error();
        stop(stop, threads);
      }
    }
    if (interrupted || run.execution().stopping()) {
      Thread.currentThread().interrupt();
      throw new StoppedException();
    }
    return new Outcome(Arrays.asList(results), firstFailure);
  }

  private static long utf8Length(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  private static Indexed attempt(
      IntFunction<JsonNode> unit, int index, AtomicBoolean stop, Set<Thread> threads) {
    Thread self = Thread.currentThread();
    threads.add(self);
    try {
      if (stop.get()) {
        return new Indexed(index, null);
      }
      return new Indexed(index, new Result(unit.apply(index), null));
    } catch (StatesError e) {
      return new Indexed(index, new Result(null, e));
    } catch (StoppedException e) {
      return new Indexed(index, null);
    } finally {
      threads.remove(self);
      Thread.interrupted(); // a stop must not outlive the unit on a pooled thread
    }
  }

  /** No unit starts any more; the running ones are interrupted. */
  private static void stop(AtomicBoolean stop, Set<Thread> threads) {
    stop.set(true);
    threads.forEach(Thread::interrupt);
  }

  private static Indexed take(ExecutorCompletionService<Indexed> done) throws InterruptedException {
    try {
      return done.take().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
