package io.powertune.statemachine.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.statemachine.ErrorNames;
import io.powertune.statemachine.StatesError;
import io.powertune.statemachine.intrinsics.Intrinsics;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Parameters, ResultSelector and ItemSelector: a JSON template whose keys ending in {@code .$} take
 * their value from a path of the input, a path of the context object, or an intrinsic function.
 */
public final class PayloadTemplate {

  private final JsonNode template;

  private PayloadTemplate(JsonNode template) {
    this.template = template;
  }

  /**
   * Checks the template; each problem goes to {@code problems} as {@code SCHEMA_VALIDATION_FAILED:
   * ... at <location>}. Returns null when there were problems.
   */
  public static PayloadTemplate parse(JsonNode template, String location, List<String> problems) {
    int before = problems.size();
    check(template, location, problems);
    return problems.size() == before ? new PayloadTemplate(template) : null;
  }

  private static void check(JsonNode node, String location, List<String> problems) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String at = location + "/" + field.getKey();
        if (field.getKey().endsWith(".$")) {
          String expression = field.getValue().isTextual() ? field.getValue().asText() : null;
          try {
            if (expression == null) {
              throw new IllegalArgumentException("the value of a '.$' field must be a string");
            } else if (Paths.isPath(expression)) {
              Paths.validate(expression);
            } else if (Intrinsics.isIntrinsic(expression)) {
              Intrinsics.validate(expression);
            } else {
              throw new IllegalArgumentException(
                  "'" + expression + "' is neither a path nor an intrinsic function");
            }
          } catch (IllegalArgumentException e) {
            problems.add("SCHEMA_VALIDATION_FAILED: " + e.getMessage() + " at " + at);
          }
        } else {
          check(field.getValue(), at, problems);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), location + "/" + i, problems);
      }
    }
  }

  /** The template filled in from {@code input} and {@code context}. */
  public JsonNode apply(JsonNode input, JsonNode context, Random random) {
    return fill(template, input, context, random);
  }

  /** A path's value; nothing there fails the state with States.Runtime, as Step Functions does. */
  private static JsonNode read(String key, String path, JsonNode input, JsonNode context) {
    try {
      return Paths.read(path, input, context, ErrorNames.RUNTIME);
    } catch (StatesError e) {
      throw new StatesError(
          ErrorNames.RUNTIME,
          "The JSONPath '"
              + path
              + "' specified for the field '"
              + key
              + "' could not be found in the "
              + (Paths.isContextPath(path) ? "context object '" + context : "input '" + input)
              + "'");
    }
  }

  private static JsonNode fill(JsonNode node, JsonNode input, JsonNode context, Random random) {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String key = field.getKey();
        if (key.endsWith(".$")) {
          String expression = field.getValue().asText();
          JsonNode value =
              Paths.isPath(expression)
                  ? read(key, expression, input, context)
                  : Intrinsics.evaluate(expression, input, context, random);
          out.set(key.substring(0, key.length() - 2), value);
        } else {
          out.set(key, fill(field.getValue(), input, context, random));
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> out.add(fill(item, input, context, random)));
      return out;
    }
    return node;
  }
}
