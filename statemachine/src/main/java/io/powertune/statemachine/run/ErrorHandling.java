package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.statemachine.ErrorNames;
import io.powertune.statemachine.StatesError;
import io.powertune.statemachine.states.Catcher;
import io.powertune.statemachine.states.Retrier;
import java.util.List;

/** Retry, then Catch, around one state's attempts. */
final class ErrorHandling {

  /** One attempt of the state; {@code retryCount} is {@code $$.State.RetryCount}. */
  @FunctionalInterface
  interface Attempt {
    Step run(int retryCount);
  }

  private ErrorHandling() {}

  static Step run(
      RunContext run,
      List<Retrier> retry,
      List<Catcher> katch,
      boolean task,
      JsonNode raw,
      Attempt attempt) {
    int[] attempts = new int[retry.size()];
    int retryCount = 0;
    while (true) {
      try {
        return attempt.run(retryCount);
      } catch (StatesError e) {
        int r = matching(retry.stream().map(Retrier::errorEquals).toList(), e.error(), task);
        if (r >= 0 && attempts[r] < retry.get(r).maxAttempts()) {
          attempts[r]++;
          retryCount++;
          run.sleep(Backoff.delay(retry.get(r), attempts[r], run.random().nextDouble()));
          continue;
        }
        int c = matching(katch.stream().map(Catcher::errorEquals).toList(), e.error(), task);
        if (c < 0) {
          throw e;
        }
        Catcher catcher = katch.get(c);
        JsonNode output =
            catcher.resultPath() == null ? raw : catcher.resultPath().write(raw, e.asOutput());
        return Step.to(output, catcher.next());
      }
    }
  }

  /** The index of the first rule whose ErrorEquals matches the error, or -1. */
  static int matching(List<List<String>> rules, String error, boolean task) {
    if (ErrorNames.RUNTIME.equals(error)) {
      return -1; // never retried or caught
    }
    for (int i = 0; i < rules.size(); i++) {
      List<String> names = rules.get(i);
      if (names.contains(error)
          || names.contains(ErrorNames.ALL)
          || (task
              && names.contains(ErrorNames.TASK_FAILED)
              && !ErrorNames.TIMEOUT.equals(error))) {
        return i;
      }
    }
    return -1;
  }
}
