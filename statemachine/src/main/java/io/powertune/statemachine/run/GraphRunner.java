package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.statemachine.ErrorNames;
import io.powertune.statemachine.StatesError;
import io.powertune.statemachine.run.ContextObject.MapItem;
import io.powertune.statemachine.states.ChoiceState;
import io.powertune.statemachine.states.FailState;
import io.powertune.statemachine.states.Graph;
import io.powertune.statemachine.states.MapState;
import io.powertune.statemachine.states.ParallelState;
import io.powertune.statemachine.states.PassState;
import io.powertune.statemachine.states.State;
import io.powertune.statemachine.states.SucceedState;
import io.powertune.statemachine.states.TaskState;
import io.powertune.statemachine.states.WaitState;
import java.time.Instant;

/** Runs a graph from a state to its end, one state after another, recording each. */
final class GraphRunner {

  private GraphRunner() {}

  /**
   * The graph's output.
   *
   * @param item the Map item this graph processes, or null
   * @param topLevel true for the state machine itself: its states are checkpoints
   */
  static JsonNode run(
      RunContext run,
      Graph graph,
      String from,
      JsonNode input,
      Cursor cursor,
      MapItem item,
      boolean topLevel) {
    return run(run, graph, from, input, cursor, item, topLevel, null);
  }

  /**
   * @param firstEntered when the first state was entered before (a resumed execution: a Wait then
   *     waits only what is left), or null for now
   */
  static JsonNode run(
      RunContext run,
      Graph graph,
      String from,
      JsonNode input,
      Cursor cursor,
      MapItem item,
      boolean topLevel,
      Instant firstEntered) {
    String name = from;
    JsonNode current = input;
    Instant resumedAt = firstEntered;
    while (true) {
      run.checkRunning();
      State state = graph.state(name);
      Instant entered = resumedAt != null ? resumedAt : run.clock().instant();
      resumedAt = null;
      long id =
          run.log()
              .append(cursor, state.type() + "StateEntered", Details.stateEntered(name, current));
      if (topLevel) {
        run.checkpoints().entered(name, current, id);
      }
      Step step;
      try {
        step = runState(run, state, current, cursor, item, entered);
      } catch (StatesError e) {
        throw state instanceof FailState ? e : located(e, name, id);
      } catch (StoppedException e) {
        if (ABORTABLE.contains(state.type())) {
          run.log().append(cursor, state.type() + "StateAborted", Details.none());
        }
        throw e;
      }
      if (step.exited()) {
        String output = step.output().toString();
        if (tooLarge(output)) {
          throw dataLimitExceeded(name);
        }
        run.log().append(cursor, state.type() + "StateExited", Details.stateExited(name, output));
      }
      if (step.next() == null) {
        return step.output();
      }
      name = step.next();
      current = step.output();
    }
  }

  /** The states whose stop is recorded ({@code TaskStateAborted} and so on). */
  private static final java.util.Set<String> ABORTABLE =
      java.util.Set.of("Task", "Map", "Parallel", "Wait");

  /** State input and output may be at most 256 KiB of UTF-8. */
  static final int MAX_DATA_BYTES = 262_144;

  /** The error of a state whose output passes 256 KiB. */
  static StatesError dataLimitExceeded(String state) {
    return new StatesError(
        ErrorNames.DATA_LIMIT_EXCEEDED,
        "The state/task '"
            + state
            + "' returned a result with a size exceeding the maximum number of bytes service"
            + " limit.");
  }

  private static boolean tooLarge(String json) {
    return json.length() > MAX_DATA_BYTES / 4
        && json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_DATA_BYTES;
  }

  /**
   * An error the interpreter raised evaluating a state (a path, an intrinsic, ResultPath) gets Step
   * Functions' prefix naming the state and the event it was entered at.
   */
  private static StatesError located(StatesError e, String state, long enteredId) {
    boolean evaluation =
        e.error().equals(ErrorNames.RUNTIME)
            || e.error().equals(ErrorNames.INTRINSIC_FAILURE)
            || e.error().equals(ErrorNames.RESULT_PATH_MATCH_FAILURE)
            || e.error().equals(ErrorNames.PARAMETER_PATH_FAILURE);
    String prefix = "An error occurred while executing the state '" + state + "'";
    if (!evaluation || e.cause() == null || e.cause().startsWith("An error occurred")) {
      return e;
    }
    return new StatesError(
        e.error(), prefix + " (entered at the event id #" + enteredId + "). " + e.cause());
  }

  private static Step runState(
      RunContext run, State state, JsonNode input, Cursor cursor, MapItem item, Instant entered) {
    if (state instanceof PassState s) {
      return SimpleStates.pass(run, s, input, item, entered);
    } else if (state instanceof TaskState s) {
      return TaskRunner.run(run, s, input, cursor, item, entered);
    } else if (state instanceof ChoiceState s) {
      return SimpleStates.choice(run, s, input, item, entered);
    } else if (state instanceof WaitState s) {
      return SimpleStates.waitFor(run, s, input, item, entered);
    } else if (state instanceof SucceedState s) {
      return SimpleStates.succeed(run, s, input, item, entered);
    } else if (state instanceof FailState s) {
      throw SimpleStates.fail(run, s, input, item, entered);
    } else if (state instanceof ParallelState s) {
      return ParallelRunner.run(run, s, input, cursor, item, entered);
    } else if (state instanceof MapState s) {
      return MapRunner.run(run, s, input, cursor, item, entered);
    }
    throw new IllegalStateException("unknown state " + state);
  }
}
