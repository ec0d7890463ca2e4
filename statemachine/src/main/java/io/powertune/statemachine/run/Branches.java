package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.statemachine.StatesError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * Runs units of work (Parallel branches, Map iterations) on the execution's workers, at most {@code
 * limit} at a time, and collects what each did, in order.
 */
final class Branches {

  /** What one unit ended with: its output, or its error. */
  record Result(JsonNode output, StatesError error) {}

  private Branches() {}

  /**
   * Runs {@code count} units; with {@code stopOnError}, the first error stops the units not yet
   * finished (their results are then null).
   */
  static List<Result> run(
      RunContext run, int count, int limit, boolean stopOnError, IntFunction<JsonNode> unit) {
    Semaphore slots = new Semaphore(limit <= 0 ? Integer.MAX_VALUE : limit);
    List<Future<Result>> futures = new ArrayList<>(count);
    List<Result> results = new ArrayList<>(count);
    try {
      for (int i = 0; i < count; i++) {
        int index = i;
        slots.acquire();
        futures.add(
            run.workers()
                .submit(
                    () -> {
                      try {
                        return new Result(unit.apply(index), null);
                      } catch (StatesError e) {
                        return new Result(null, e);
                      } finally {
                        slots.release();
                      }
                    }));
      }
      boolean failed = false;
      for (Future<Result> future : futures) {
        Result result = failed ? null : await(future);
        if (result != null && result.error() != null && stopOnError) {
          failed = true;
          futures.forEach(f -> f.cancel(true));
        }
        results.add(result);
      }
      return results;
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new StoppedException();
    }
  }

  private static Result await(Future<Result> future) throws InterruptedException {
    try {
      return future.get();
    } catch (CancellationException e) {
      return null;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StoppedException stopped) {
        throw stopped;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
