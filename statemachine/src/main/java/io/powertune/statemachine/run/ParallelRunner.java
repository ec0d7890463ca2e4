package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.powertune.statemachine.run.ContextObject.MapItem;
import io.powertune.statemachine.states.Graph;
import io.powertune.statemachine.states.ParallelState;
import java.time.Instant;

/** A Parallel state: every branch on the same input; the first failure fails the state. */
final class ParallelRunner {

  private ParallelRunner() {}

  static Step run(
      RunContext run, ParallelState s, JsonNode raw, Cursor cursor, MapItem item, Instant entered) {
    return ErrorHandling.run(
        run,
        s.retry(),
        s.katch(),
        false,
        raw,
        retryCount -> {
          JsonNode context = ContextObject.of(run.info(), s.name(), entered, retryCount, item);
          JsonNode effective = DataFlows.effectiveInput(s.flow(), raw, context, run.random());
          run.log().append(cursor, "ParallelStateStarted", Details.none());
          Branches.Outcome outcome =
              Branches.run(
                  run,
                  s.name(),
                  s.branches().size(),
                  0,
                  true,
                  i -> {
                    Graph branch = s.branches().get(i);
                    return GraphRunner.run(
                        run, branch, branch.startAt(), effective, cursor.fork(), null, false);
                  });
          if (outcome.firstFailure() != null) {
            run.log().append(cursor, "ParallelStateFailed", Details.none());
            throw outcome.firstFailure();
          }
          ArrayNode outputs = JsonNodeFactory.instance.arrayNode();
          for (Branches.Result result : outcome.results()) {
            outputs.add(result.output());
          }
          run.log().append(cursor, "ParallelStateSucceeded", Details.none());
          return Step.to(
              DataFlows.output(s.flow(), raw, outputs, context, run.random()),
              s.transition().next());
        });
  }
}
