package io.powertune.statemachine.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.statemachine.states.Catcher;
import io.powertune.statemachine.states.ChoiceState;
import io.powertune.statemachine.states.FailState;
import io.powertune.statemachine.states.Graph;
import io.powertune.statemachine.states.MapState;
import io.powertune.statemachine.states.ParallelState;
import io.powertune.statemachine.states.PassState;
import io.powertune.statemachine.states.State;
import io.powertune.statemachine.states.SucceedState;
import io.powertune.statemachine.states.TaskState;
import io.powertune.statemachine.states.Transition;
import io.powertune.statemachine.states.WaitState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses an Amazon States Language definition (JSONPath query language) and validates all of it
 * before anything runs: every problem is reported, each with its location.
 */
public final class DefinitionParser {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TOP_FIELDS =
      Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage");
  private static final Set<String> GRAPH_FIELDS =
      Set.of("Comment", "StartAt", "States", "ProcessorConfig");

  private DefinitionParser() {}

  /**
   * The definition, validated.
   *
   * @throws InvalidDefinitionException listing every problem
   */
  public static StateMachineDefinition parse(String definition) {
    JsonNode root;
    try {
      root = JSON.readTree(definition);
    } catch (JsonProcessingException e) {
      throw new InvalidDefinitionException(
          List.of(
              "INVALID_JSON_DESCRIPTION: "
                  + e.getOriginalMessage()
                  + " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()));
    }
    List<String> problems = new ArrayList<>();
    if (root == null || !root.isObject()) {
      throw new InvalidDefinitionException(
          List.of("SCHEMA_VALIDATION_FAILED: The definition must be a JSON object at /"));
    }
    Fields top = new Fields(root, "", problems);
    top.allowOnly(TOP_FIELDS);
    String language = top.string("QueryLanguage");
    if (language != null && !language.equals("JSONPath")) {
      top.problem(
          "QueryLanguage '" + language + "' is not supported; use JSONPath", "/QueryLanguage");
    }
    Long timeout = top.integer("TimeoutSeconds", 1, 31_622_400);
    Graph graph = graph(root, "", problems);
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException(problems);
    }
    return new StateMachineDefinition(
        graph, timeout == null ? null : timeout.intValue(), top.string("Comment"));
  }

  /** A graph: StartAt and States, at {@code location} ("" for the top level). */
  static Graph graph(JsonNode node, String location, List<String> problems) {
    Fields fields = new Fields(node, location.isEmpty() ? "/" : location, problems);
    if (!location.isEmpty()) {
      fields.allowOnly(GRAPH_FIELDS);
    }
    if (!node.has("StartAt") || !node.has("States")) {
      fields.require("StartAt", "States");
      return new Graph("", Map.of());
    }
    String startAt = fields.string("StartAt");
    JsonNode statesNode = node.get("States");
    Map<String, State> states = new LinkedHashMap<>();
    if (!statesNode.isObject() || statesNode.isEmpty()) {
      fields.problem("Field 'States' must be a non-empty object", location + "/States");
    } else {
      for (Map.Entry<String, JsonNode> entry : statesNode.properties()) {
        String at = location + "/States/" + entry.getKey();
        if (entry.getKey().isEmpty() || entry.getKey().length() > 80) {
          fields.problem("State names must be 1 to 80 characters long", at);
        }
        State state = StateParser.parse(entry.getKey(), entry.getValue(), at, problems);
        if (state != null) {
          states.put(entry.getKey(), state);
        }
      }
    }
    if (startAt != null && !statesNode.has(startAt)) {
      problems.add(
          "MISSING_TRANSITION_TARGET: Missing 'Next' target: "
              + startAt
              + " at "
              + location
              + "/StartAt");
    }
    for (State state : states.values()) {
      checkTargets(state, statesNode, location + "/States/" + state.name(), problems);
    }
    if (states.size() == statesNode.size()) {
      checkReachable(startAt, states, location, problems);
    }
    return new Graph(startAt == null ? "" : startAt, states);
  }

  /**
   * As Step Functions checks a graph: it needs a terminal state ({@code End}, Succeed or Fail),
   * and, when it has one, every state must be reachable from StartAt.
   */
  private static void checkReachable(
      String startAt, Map<String, State> states, String location, List<String> problems) {
    boolean terminal =
        states.values().stream()
            .anyMatch(
                s ->
                    s instanceof SucceedState
                        || s instanceof FailState
                        || (transitionOf(s) != null && transitionOf(s).end()));
    if (!terminal) {
      problems.add("MISSING_END_STATE: Workflow has no terminal state");
      return;
    }
    java.util.Set<String> reached = new java.util.HashSet<>();
    java.util.Deque<String> next = new java.util.ArrayDeque<>();
    if (startAt != null && states.containsKey(startAt)) {
      next.add(startAt);
    }
    while (!next.isEmpty()) {
      String name = next.poll();
      if (reached.add(name)) {
        for (String[] target : targetsOf(states.get(name), "")) {
          if (target[0] != null && states.containsKey(target[0])) {
            next.add(target[0]);
          }
        }
      }
    }
    for (String name : states.keySet()) {
      if (!reached.contains(name)) {
        problems.add(
            "MISSING_TRANSITION_TARGET: State \""
                + name
                + "\" is not reachable. at "
                + location
                + "/States/"
                + name);
      }
    }
  }

  private static void checkTargets(
      State state, JsonNode statesNode, String location, List<String> problems) {
    for (String[] target : targetsOf(state, location)) {
      if (target[0] != null && !statesNode.has(target[0])) {
        problems.add(
            "MISSING_TRANSITION_TARGET: Missing 'Next' target: " + target[0] + " at " + target[1]);
      }
    }
  }

  /** The states a state may go to, with where each is named. */
  private static List<String[]> targetsOf(State state, String location) {
    List<String[]> targets = new ArrayList<>();
    if (state instanceof ChoiceState choice) {
      for (int i = 0; i < choice.choices().size(); i++) {
        targets.add(
            new String[] {choice.choices().get(i).next(), location + "/Choices/" + i + "/Next"});
      }
      if (choice.defaultNext() != null) {
        targets.add(new String[] {choice.defaultNext(), location + "/Default"});
      }
    }
    Transition transition = transitionOf(state);
    if (transition != null && !transition.end()) {
      targets.add(new String[] {transition.next(), location + "/Next"});
    }
    var catchers =
        state instanceof TaskState t
            ? t.katch()
            : state instanceof ParallelState p
                ? p.katch()
                : state instanceof MapState m ? m.katch() : List.<Catcher>of();
    for (int i = 0; i < catchers.size(); i++) {
      targets.add(new String[] {catchers.get(i).next(), location + "/Catch/" + i + "/Next"});
    }
    return targets;
  }

  private static Transition transitionOf(State state) {
    if (state instanceof PassState s) {
      return s.transition();
    } else if (state instanceof TaskState s) {
      return s.transition();
    } else if (state instanceof WaitState s) {
      return s.transition();
    } else if (state instanceof ParallelState s) {
      return s.transition();
    } else if (state instanceof MapState s) {
      return s.transition();
    }
    return null;
  }
}
