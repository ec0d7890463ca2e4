package io.powertune.statemachine.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.statemachine.Timestamps;
import io.powertune.statemachine.choice.ChoiceRule;
import io.powertune.statemachine.choice.ChoiceRuleParser;
import io.powertune.statemachine.path.PayloadTemplate;
import io.powertune.statemachine.states.ChoiceState;
import io.powertune.statemachine.states.DataFlow;
import io.powertune.statemachine.states.FailState;
import io.powertune.statemachine.states.Graph;
import io.powertune.statemachine.states.LambdaResources;
import io.powertune.statemachine.states.ParallelState;
import io.powertune.statemachine.states.PassState;
import io.powertune.statemachine.states.State;
import io.powertune.statemachine.states.SucceedState;
import io.powertune.statemachine.states.TaskState;
import io.powertune.statemachine.states.Transition;
import io.powertune.statemachine.states.WaitState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses one state by its Type, checking the fields that type allows. */
final class StateParser {

  private static final Set<String> COMMON = Set.of("Type", "Comment", "Next", "End");
  private static final Set<String> IO = Set.of("InputPath", "OutputPath");
  static final Set<String> FLOW =
      Set.of("InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath");
  static final Set<String> ERRORS = Set.of("Retry", "Catch");

  private StateParser() {}

  static State parse(String name, JsonNode node, String location, List<String> problems) {
    Fields fields = new Fields(node, location, problems);
    if (!node.isObject()) {
      fields.problem("A state must be a JSON object", location);
      return null;
    }
    String type = fields.string("Type");
    if (type == null) {
      fields.require("Type");
      return null;
    }
    return switch (type) {
      case "Pass" -> pass(name, fields);
      case "Task" -> task(name, fields);
      case "Choice" -> choice(name, fields, problems);
      case "Wait" -> waitState(name, fields);
      case "Succeed" -> succeed(name, fields);
      case "Fail" -> fail(name, fields);
      case "Parallel" -> parallel(name, fields, problems);
      case "Map" -> MapParser.map(name, fields, problems);
      default -> {
        fields.problem("Unknown state type '" + type + "'", fields.at("Type"));
        yield null;
      }
    };
  }

  static Set<String> allowed(Set<String> base, Set<String> more, String... extra) {
    Set<String> all = new HashSet<>(COMMON);
    all.addAll(base);
    all.addAll(more);
    all.addAll(List.of(extra));
    return all;
  }

  static Transition transition(Fields fields) {
    String next = fields.string("Next");
    JsonNode end = fields.raw("End");
    boolean ends = end != null && end.isBoolean() && end.asBoolean();
    if (end != null && !end.isBoolean()) {
      fields.problem("Field 'End' must be a boolean", fields.at("End"));
    }
    if (next != null && ends) {
      fields.problem("A state cannot have both 'Next' and 'End'", fields.location());
    } else if (next == null && !ends) {
      fields.problem("This state must have either 'Next' or 'End' set to true", fields.location());
    }
    return ends ? Transition.END : new Transition(next);
  }

  /** A state type with no Next or End (Choice, Succeed, Fail). */
  private static void terminal(Fields fields, String type) {
    if (fields.has("Next") || fields.has("End")) {
      fields.problem(type + " states cannot have 'Next' or 'End'", fields.location());
    }
  }

  static String orDefault(String path) {
    return Fields.ABSENT.equals(path) ? "$" : path;
  }

  /**
   * @param withParameters false for Map, whose Parameters is its ItemSelector
   */
  static DataFlow flow(Fields fields, boolean withParameters, boolean withResult) {
    PayloadTemplate parameters = withParameters ? template(fields, "Parameters") : null;
    PayloadTemplate selector = withResult ? template(fields, "ResultSelector") : null;
    return new DataFlow(
        orDefault(fields.path("InputPath")),
        parameters,
        selector,
        fields.referencePath("ResultPath"),
        orDefault(fields.path("OutputPath")));
  }

  static PayloadTemplate template(Fields fields, String field) {
    JsonNode value = fields.raw(field);
    if (value == null) {
      return null;
    }
    if (!value.isObject() && !value.isArray()) {
      fields.problem("Field '" + field + "' must be a JSON object", fields.at(field));
      return null;
    }
    return PayloadTemplate.parse(value, fields.at(field), fields.problems());
  }

  private static PassState pass(String name, Fields fields) {
    fields.allowOnly(allowed(FLOW, Set.of(), "Result"));
    if (fields.has("ResultSelector")) {
      fields.problem("Pass states cannot have 'ResultSelector'", fields.at("ResultSelector"));
    }
    return new PassState(name, flow(fields, true, false), fields.raw("Result"), transition(fields));
  }

  private static TaskState task(String name, Fields fields) {
    fields.allowOnly(
        allowed(
            FLOW,
            ERRORS,
            "Resource",
            "TimeoutSeconds",
            "TimeoutSecondsPath",
            "HeartbeatSeconds",
            "HeartbeatSecondsPath",
            "Credentials"));
    fields.require("Resource");
    String resource = fields.string("Resource");
    if (resource != null && !LambdaResources.supported(resource)) {
      fields.problem(
          "The resource '"
              + resource
              + "' is not supported: use a Lambda function ARN or "
              + LambdaResources.INVOKE,
          fields.at("Resource"));
    }
    Long timeout = fields.integer("TimeoutSeconds", 1, 99_999_999);
    String timeoutPath = fields.path("TimeoutSecondsPath");
    Long heartbeat = fields.integer("HeartbeatSeconds", 1, 99_999_999);
    if (timeout != null && !Fields.ABSENT.equals(timeoutPath)) {
      fields.problem(
          "A Task cannot have both 'TimeoutSeconds' and 'TimeoutSecondsPath'", fields.location());
    }
    if (timeout != null && heartbeat != null && heartbeat >= timeout) {
      fields.problem(
          "'HeartbeatSeconds' must be smaller than 'TimeoutSeconds'",
          fields.at("HeartbeatSeconds"));
    }
    return new TaskState(
        name,
        flow(fields, true, true),
        resource == null ? "" : resource,
        timeout == null ? null : timeout.intValue(),
        Fields.ABSENT.equals(timeoutPath) ? null : timeoutPath,
        heartbeat == null ? null : heartbeat.intValue(),
        ErrorHandlingParser.retry(fields),
        ErrorHandlingParser.katch(fields),
        transition(fields));
  }

  private static ChoiceState choice(String name, Fields fields, List<String> problems) {
    fields.allowOnly(allowed(IO, Set.of(), "Choices", "Default"));
    terminal(fields, "Choice");
    List<ChoiceState.Branch> branches = new ArrayList<>();
    JsonNode choices = fields.raw("Choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      fields.problem("Field 'Choices' must be a non-empty array", fields.at("Choices"));
    } else {
      for (int i = 0; i < choices.size(); i++) {
        JsonNode rule = choices.get(i);
        ChoiceRule parsed =
            ChoiceRuleParser.parse(rule, fields.at("Choices") + "/" + i, true, problems);
        if (parsed != null) {
          branches.add(new ChoiceState.Branch(parsed, rule.path("Next").asText()));
        }
      }
    }
    return new ChoiceState(
        name,
        orDefault(fields.path("InputPath")),
        orDefault(fields.path("OutputPath")),
        branches,
        fields.string("Default"));
  }

  private static WaitState waitState(String name, Fields fields) {
    fields.allowOnly(allowed(IO, Set.of(), "Seconds", "Timestamp", "SecondsPath", "TimestampPath"));
    Long seconds = fields.integer("Seconds", 0, 99_999_999);
    String timestamp = fields.string("Timestamp");
    String secondsPath = fields.path("SecondsPath");
    String timestampPath = fields.path("TimestampPath");
    int given = 0;
    for (String field : List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")) {
      given += fields.has(field) ? 1 : 0;
    }
    if (given != 1) {
      fields.problem(
          "A Wait state needs exactly one of 'Seconds', 'Timestamp', 'SecondsPath' and"
              + " 'TimestampPath'",
          fields.location());
    }
    if (timestamp != null && Timestamps.parse(timestamp) == null) {
      fields.problem("Field 'Timestamp' must be an RFC 3339 timestamp", fields.at("Timestamp"));
    }
    return new WaitState(
        name,
        orDefault(fields.path("InputPath")),
        orDefault(fields.path("OutputPath")),
        seconds,
        timestamp,
        Fields.ABSENT.equals(secondsPath) ? null : secondsPath,
        Fields.ABSENT.equals(timestampPath) ? null : timestampPath,
        transition(fields));
  }

  private static SucceedState succeed(String name, Fields fields) {
    fields.allowOnly(allowed(IO, Set.of()));
    terminal(fields, "Succeed");
    return new SucceedState(
        name, orDefault(fields.path("InputPath")), orDefault(fields.path("OutputPath")));
  }

  private static FailState fail(String name, Fields fields) {
    fields.allowOnly(allowed(Set.of(), Set.of(), "Error", "Cause", "ErrorPath", "CausePath"));
    terminal(fields, "Fail");
    if (fields.has("Error") && fields.has("ErrorPath")) {
      fields.problem("A Fail state cannot have both 'Error' and 'ErrorPath'", fields.location());
    }
    if (fields.has("Cause") && fields.has("CausePath")) {
      fields.problem("A Fail state cannot have both 'Cause' and 'CausePath'", fields.location());
    }
    String errorPath = fields.pathOrIntrinsic("ErrorPath");
    String causePath = fields.pathOrIntrinsic("CausePath");
    return new FailState(
        name,
        fields.string("Error"),
        fields.string("Cause"),
        Fields.ABSENT.equals(errorPath) ? null : errorPath,
        Fields.ABSENT.equals(causePath) ? null : causePath);
  }

  private static ParallelState parallel(String name, Fields fields, List<String> problems) {
    fields.allowOnly(allowed(FLOW, ERRORS, "Branches"));
    List<Graph> branches = new ArrayList<>();
    JsonNode node = fields.raw("Branches");
    if (node == null || !node.isArray() || node.isEmpty()) {
      fields.problem("Field 'Branches' must be a non-empty array", fields.at("Branches"));
    } else {
      for (int i = 0; i < node.size(); i++) {
        branches.add(
            DefinitionParser.graph(node.get(i), fields.at("Branches") + "/" + i, problems));
      }
    }
    return new ParallelState(
        name,
        flow(fields, true, true),
        branches,
        ErrorHandlingParser.retry(fields),
        ErrorHandlingParser.katch(fields),
        transition(fields));
  }
}
