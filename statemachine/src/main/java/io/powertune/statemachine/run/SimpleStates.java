package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.statemachine.ErrorNames;
import io.powertune.statemachine.StatesError;
import io.powertune.statemachine.Timestamps;
import io.powertune.statemachine.intrinsics.Intrinsics;
import io.powertune.statemachine.path.Paths;
import io.powertune.statemachine.run.ContextObject.MapItem;
import io.powertune.statemachine.states.ChoiceState;
import io.powertune.statemachine.states.FailState;
import io.powertune.statemachine.states.PassState;
import io.powertune.statemachine.states.SucceedState;
import io.powertune.statemachine.states.WaitState;
import java.time.Duration;
import java.time.Instant;

/** Pass, Choice, Wait, Succeed and Fail: the states that call nothing. */
final class SimpleStates {

  private SimpleStates() {}

  static Step pass(RunContext run, PassState s, JsonNode raw, MapItem item, Instant entered) {
    JsonNode context = ContextObject.of(run.info(), s.name(), entered, 0, item);
    JsonNode effective = DataFlows.effectiveInput(s.flow(), raw, context, run.random());
    JsonNode result = s.result() != null ? s.result() : effective;
    return Step.to(
        DataFlows.output(s.flow(), raw, result, context, run.random()), s.transition().next());
  }

  static Step choice(RunContext run, ChoiceState s, JsonNode raw, MapItem item, Instant entered) {
    JsonNode context = ContextObject.of(run.info(), s.name(), entered, 0, item);
    JsonNode input = DataFlows.input(s.inputPath(), raw, context);
    String next = s.defaultNext();
    for (ChoiceState.Branch branch : s.choices()) {
      if (branch.rule().matches(input, context)) {
        next = branch.next();
        break;
      }
    }
    if (next == null) {
      throw new StatesError(
          ErrorNames.NO_CHOICE_MATCHED,
          "No Choice matched and no Default is specified in the Choice state '" + s.name() + "'");
    }
    return Step.to(DataFlows.outputPath(s.outputPath(), input, context), next);
  }

  static Step waitFor(RunContext run, WaitState s, JsonNode raw, MapItem item, Instant entered) {
    JsonNode context = ContextObject.of(run.info(), s.name(), entered, 0, item);
    JsonNode input = DataFlows.input(s.inputPath(), raw, context);
    Duration wait;
    if (s.seconds() != null) {
      wait = until(run, entered.plusSeconds(s.seconds()));
    } else if (s.timestamp() != null) {
      wait = until(run, Timestamps.parse(s.timestamp()));
    } else if (s.secondsPath() != null) {
      JsonNode seconds = waitValue("SecondsPath", s.secondsPath(), input, context);
      if (!seconds.canConvertToLong() || !seconds.isIntegralNumber()) {
        throw waitError(
            "SecondsPath parameter cannot be parsed as a long value", s.secondsPath(), seconds);
      }
      if (seconds.asLong() < 0) {
        throw waitError(
            "SecondsPath parameter references a negative value", s.secondsPath(), seconds);
      }
      wait = until(run, entered.plusSeconds(seconds.asLong()));
    } else {
      JsonNode stamp = waitValue("TimestampPath", s.timestampPath(), input, context);
      Instant at = stamp.isTextual() ? Timestamps.parse(stamp.asText()) : null;
      if (at == null) {
        throw waitError(
            "TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time"
                + " format string",
            s.timestampPath(),
            stamp);
      }
      wait = until(run, at);
    }
    run.sleep(wait);
    return Step.to(DataFlows.outputPath(s.outputPath(), input, context), s.transition().next());
  }

  /** The value a Wait state's SecondsPath or TimestampPath names, failing as AWS words it. */
  private static JsonNode waitValue(String field, String path, JsonNode input, JsonNode context) {
    try {
      return Paths.read(path, input, context, ErrorNames.RUNTIME);
    } catch (StatesError e) {
      throw new StatesError(
          ErrorNames.RUNTIME,
          "The " + field + " parameter does not reference an input value: " + path);
    }
  }

  private static StatesError waitError(String problem, String path, JsonNode value) {
    return new StatesError(
        ErrorNames.RUNTIME, "The " + problem + ": " + path + " == " + text(value));
  }

  private static Duration until(RunContext run, Instant at) {
    Duration wait = Duration.between(run.clock().instant(), at);
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  static Step succeed(RunContext run, SucceedState s, JsonNode raw, MapItem item, Instant entered) {
    JsonNode context = ContextObject.of(run.info(), s.name(), entered, 0, item);
    JsonNode input = DataFlows.input(s.inputPath(), raw, context);
    return Step.to(DataFlows.outputPath(s.outputPath(), input, context), null);
  }

  /** The error a Fail state ends its graph with. */
  static StatesError fail(
      RunContext run, FailState s, JsonNode raw, MapItem item, Instant entered) {
    JsonNode context = ContextObject.of(run.info(), s.name(), entered, 0, item);
    String error = s.error();
    String cause = s.cause();
    if (s.errorPath() != null) {
      error = text(pathOrIntrinsic(run, s.errorPath(), raw, context));
    }
    if (s.causePath() != null) {
      cause = text(pathOrIntrinsic(run, s.causePath(), raw, context));
    }
    return new StatesError(error, cause);
  }

  /** ErrorPath and CausePath: a reference path, or an intrinsic function call. */
  private static JsonNode pathOrIntrinsic(
      RunContext run, String expression, JsonNode raw, JsonNode context) {
    return Intrinsics.isIntrinsic(expression)
        ? Intrinsics.evaluate(expression, raw, context, run.random())
        : Paths.read(expression, raw, context, ErrorNames.RUNTIME);
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : node.toString();
  }
}
