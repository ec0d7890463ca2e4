package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.statemachine.ErrorNames;
import io.powertune.statemachine.StatesError;
import io.powertune.statemachine.path.Paths;
import io.powertune.statemachine.run.ContextObject.MapItem;
import io.powertune.statemachine.states.TaskState;
import java.time.Instant;

/** A Task state: data flow and error handling around one Lambda call per attempt. */
final class TaskRunner {

  private TaskRunner() {}

  static Step run(
      RunContext run, TaskState s, JsonNode raw, Cursor cursor, MapItem item, Instant entered) {
    return ErrorHandling.run(
        run,
        s.retry(),
        s.katch(),
        true,
        raw,
        retryCount -> {
          JsonNode context = ContextObject.of(run.info(), s.name(), entered, retryCount, item);
          JsonNode effective = DataFlows.effectiveInput(s.flow(), raw, context, run.random());
          Integer timeout = timeout(s, raw, context);
          JsonNode result = LambdaTasks.call(run, s.resource(), effective, timeout, cursor);
          return Step.to(
              DataFlows.output(s.flow(), raw, result, context, run.random()),
              s.transition().next());
        });
  }

  private static Integer timeout(TaskState s, JsonNode raw, JsonNode context) {
    if (s.timeoutSecondsPath() == null) {
      return s.timeoutSeconds();
    }
    JsonNode value = Paths.read(s.timeoutSecondsPath(), raw, context, ErrorNames.RUNTIME);
    if (!value.isIntegralNumber() || value.asLong() < 1) {
      throw new StatesError(
          ErrorNames.RUNTIME,
          "The TimeoutSecondsPath '"
              + s.timeoutSecondsPath()
              + "' must point to a positive integer");
    }
    return (int) Math.min(value.asLong(), Integer.MAX_VALUE);
  }
}
