package io.powertune.statemachine.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.statemachine.ErrorNames;
import io.powertune.statemachine.StatesError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference path ({@code $}, {@code $.a.b}, {@code $['a'][0]}): the only paths ResultPath
 * accepts, naming one node. Writing a result there copies the input and creates missing objects.
 */
public final class ReferencePath {

  private static final Pattern STEP =
      Pattern.compile("\\.([^.\\[\\]'\"*@?()]+)|\\['([^']*)'\\]|\\[(\\d+)\\]");

  /** A field name or an array index. */
  private record Step(String field, int index) {}

  private final String text;
  private final List<Step> steps;

  private ReferencePath(String text, List<Step> steps) {
    this.text = text;
    this.steps = List.copyOf(steps);
  }

  /** Parses a reference path; throws {@link IllegalArgumentException} when it is not one. */
  public static ReferencePath parse(String text) {
    if (text == null || !text.startsWith("$") || text.startsWith("$$")) {
      throw new IllegalArgumentException("'" + text + "' is not a reference path");
    }
    List<Step> steps = new ArrayList<>();
    Matcher m = STEP.matcher(text);
    int at = 1;
    while (at < text.length()) {
      if (!m.find(at) || m.start() != at) {
        throw new IllegalArgumentException(
            "'" + text + "' is not a reference path (at character " + at + ")");
      }
      if (m.group(1) != null) {
        steps.add(new Step(m.group(1), -1));
      } else if (m.group(2) != null) {
        steps.add(new Step(m.group(2), -1));
      } else {
        steps.add(new Step(null, Integer.parseInt(m.group(3))));
      }
      at = m.end();
    }
    return new ReferencePath(text, steps);
  }

  /** The input with {@code value} placed at this path (the input itself is not changed). */
  public JsonNode write(JsonNode input, JsonNode value) {
    if (steps.isEmpty()) {
      return value;
    }
    JsonNode root = input.deepCopy();
    JsonNode node = root;
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      boolean last = i == steps.size() - 1;
      if (step.field() != null) {
        if (!(node instanceof ObjectNode object)) {
          throw mismatch(input);
        }
        if (last) {
          object.set(step.field(), value);
        } else {
          JsonNode child = object.get(step.field());
          if (child == null || child.isNull()) {
            child = object.putObject(step.field());
          }
          node = child;
        }
      } else {
        if (!(node instanceof ArrayNode array) || step.index() >= array.size()) {
          throw mismatch(input);
        }
        if (last) {
          array.set(step.index(), value);
        } else {
          node = array.get(step.index());
        }
      }
    }
    return root;
  }

  private StatesError mismatch(JsonNode input) {
    return new StatesError(
        ErrorNames.RESULT_PATH_MATCH_FAILURE,
        "Unable to apply ResultPath '" + text + "' to input '" + input + "'");
  }

  @Override
  public String toString() {
    return text;
  }
}
