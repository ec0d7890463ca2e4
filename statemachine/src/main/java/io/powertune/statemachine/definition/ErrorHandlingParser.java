package io.powertune.statemachine.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.statemachine.ErrorNames;
import io.powertune.statemachine.states.Catcher;
import io.powertune.statemachine.states.Retrier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Retry and Catch: their fields, ranges, and where States.ALL may appear. */
final class ErrorHandlingParser {

  private static final Set<String> RETRIER_FIELDS =
      Set.of(
          "ErrorEquals",
          "IntervalSeconds",
          "MaxAttempts",
          "BackoffRate",
          "MaxDelaySeconds",
          "JitterStrategy",
          "Comment");
  private static final Set<String> CATCHER_FIELDS =
      Set.of("ErrorEquals", "Next", "ResultPath", "Comment");

  private ErrorHandlingParser() {}

  static List<Retrier> retry(Fields state) {
    List<Retrier> out = new ArrayList<>();
    JsonNode node = state.raw("Retry");
    if (node == null) {
      return out;
    }
    if (!node.isArray()) {
      state.problem("Field 'Retry' must be an array", state.at("Retry"));
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      Fields f = new Fields(node.get(i), state.at("Retry") + "/" + i, state.problems());
      f.allowOnly(RETRIER_FIELDS);
      List<String> errors = f.strings("ErrorEquals");
      checkAll(errors, f, i == node.size() - 1);
      Long interval = f.integer("IntervalSeconds", 1, 99_999_999);
      Long attempts = f.integer("MaxAttempts", 0, 99_999_999);
      Double backoff = f.number("BackoffRate", 1.0, Double.MAX_VALUE);
      Long maxDelay = f.integer("MaxDelaySeconds", 1, 31_622_401);
      String jitter = f.string("JitterStrategy");
      if (jitter != null && !jitter.equals("FULL") && !jitter.equals("NONE")) {
        f.problem("JitterStrategy must be FULL or NONE", f.at("JitterStrategy"));
      }
      out.add(
          new Retrier(
              errors,
              interval == null ? 1 : interval.doubleValue(),
              attempts == null ? 3 : attempts.intValue(),
              backoff == null ? 2.0 : backoff,
              maxDelay == null ? null : maxDelay.intValue(),
              "FULL".equals(jitter)));
    }
    return out;
  }

  static List<Catcher> katch(Fields state) {
    List<Catcher> out = new ArrayList<>();
    JsonNode node = state.raw("Catch");
    if (node == null) {
      return out;
    }
    if (!node.isArray()) {
      state.problem("Field 'Catch' must be an array", state.at("Catch"));
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      Fields f = new Fields(node.get(i), state.at("Catch") + "/" + i, state.problems());
      f.allowOnly(CATCHER_FIELDS);
      f.require("ErrorEquals", "Next");
      List<String> errors = f.strings("ErrorEquals");
      checkAll(errors, f, i == node.size() - 1);
      out.add(new Catcher(errors, f.string("Next"), f.referencePath("ResultPath")));
    }
    return out;
  }

  /** States.ALL must be alone in its ErrorEquals and in the last rule. */
  private static void checkAll(List<String> errors, Fields f, boolean last) {
    if (errors.contains(ErrorNames.ALL) && (errors.size() > 1 || !last)) {
      f.problem(
          "States.ALL must appear alone in the last element's ErrorEquals", f.at("ErrorEquals"));
    }
  }
}
