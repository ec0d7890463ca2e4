package io.powertune.tuner.steps;

import io.powertune.tuner.execute.Invocations;
import io.powertune.tuner.execute.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a size's invocations at once, at most {@code limit} in flight (the original fires them all
 * with no cap). Once one fails (with an error not allowed, or the call itself failed), those not
 * started yet are not started.
 */
final class ParallelRuns {

  private ParallelRuns() {}

  static List<Outcome> run(List<Integer> pending, Invocations invocations, int limit)
      throws InterruptedException {
    if (pending.isEmpty()) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(limit, pending.size()));
    AtomicBoolean failed = new AtomicBoolean();
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int index : pending) {
        futures.add(
            pool.submit(
                () -> {
                  if (failed.get()) {
                    return new Outcome.Deferred();
                  }
                  try {
                    Outcome outcome = invocations.run(index);
                    if (outcome instanceof Outcome.Failed) {
                      failed.set(true);
                    }
                    return outcome;
                  } catch (RuntimeException | InterruptedException e) {
                    failed.set(true); // nothing more starts once the call has failed
                    throw e;
                  }
                }));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> future : futures) {
        outcomes.add(future.get());
      }
      return outcomes;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
      // invocations in flight finish (an HTTP read ignores interrupts) before the call returns
      pool.awaitTermination(15, TimeUnit.MINUTES);
    }
  }
}
