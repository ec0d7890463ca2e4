package io.powertune.statemachine.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.statemachine.intrinsics.Intrinsics;
import io.powertune.statemachine.path.Paths;
import io.powertune.statemachine.path.ReferencePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the fields of one JSON object of a definition, noting every problem with its location. */
final class Fields {

  /** What {@link #path} and {@link #referencePath} return when the field was absent. */
  static final String ABSENT = "\u0000absent";

  private final JsonNode node;
  private final String location;
  private final List<String> problems;

  Fields(JsonNode node, String location, List<String> problems) {
    this.node = node;
    this.location = location;
    this.problems = problems;
  }

  List<String> problems() {
    return problems;
  }

  String location() {
    return location;
  }

  String at(String field) {
    return location + "/" + field;
  }

  void problem(String message, String where) {
    problems.add("SCHEMA_VALIDATION_FAILED: " + message + " at " + where);
  }

  boolean has(String field) {
    return node.has(field);
  }

  JsonNode raw(String field) {
    return node.get(field);
  }

  /** Every field must be one of {@code allowed}. */
  void allowOnly(Set<String> allowed) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!allowed.contains(field.getKey())) {
        problem("Field '" + field.getKey() + "' is not supported", at(field.getKey()));
      }
    }
  }

  void require(String... names) {
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (!node.has(name)) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      problem("These fields are required: " + missing, location);
    }
  }

  /** A string field, or null when absent (or wrong, noted). */
  String string(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      problem("Field '" + field + "' must be a string", at(field));
      return null;
    }
    return value.asText();
  }

  /** An integer field within [min, max], or null when absent (or wrong, noted). */
  Long integer(String field, long min, long max) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
      problem("Field '" + field + "' must be an integer from " + min + " to " + max, at(field));
      return null;
    }
    return value.asLong();
  }

  /** A number field of at least {@code min}, or null when absent (or wrong, noted). */
  Double number(String field, double min, double max) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
      problem("Field '" + field + "' must be a number from " + min + " to " + max, at(field));
      return null;
    }
    return value.asDouble();
  }

  /** A path field: ABSENT when absent, null when JSON null, else the checked path. */
  /**
   * A field that holds a JSONPath or an intrinsic function call (a Fail state's ErrorPath and
   * CausePath); {@link #ABSENT} when missing or invalid (with a problem recorded).
   */
  String pathOrIntrinsic(String field) {
    JsonNode value = node.get(field);
    if (value != null && value.isTextual() && Intrinsics.isIntrinsic(value.asText())) {
      try {
        Intrinsics.validate(value.asText());
        return value.asText();
      } catch (IllegalArgumentException e) {
        problem(
            "The value of field '"
                + field
                + "' is not a valid intrinsic function: "
                + e.getMessage(),
            at(field));
        return ABSENT;
      }
    }
    return path(field);
  }

  String path(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return ABSENT;
    }
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual() || !Paths.isPath(value.asText())) {
      problem("Field '" + field + "' must be a JSONPath", at(field));
      return ABSENT;
    }
    try {
      Paths.validate(value.asText());
    } catch (IllegalArgumentException e) {
      problem("The value of field '" + field + "' is not a valid JSONPath", at(field));
      return ABSENT;
    }
    return value.asText();
  }

  /** A reference path field (ResultPath): "$" when absent, null when JSON null. */
  ReferencePath referencePath(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return ReferencePath.parse("$");
    }
    if (value.isNull()) {
      return null;
    }
    try {
      if (!value.isTextual()) {
        throw new IllegalArgumentException("not a string");
      }
      return ReferencePath.parse(value.asText());
    } catch (IllegalArgumentException e) {
      problem("The value of field '" + field + "' is not a valid reference path", at(field));
      return ReferencePath.parse("$");
    }
  }

  /** A non-empty array of strings, or an empty list (noted) when missing or wrong. */
  List<String> strings(String field) {
    JsonNode value = node.get(field);
    List<String> out = new ArrayList<>();
    if (value == null || !value.isArray() || value.isEmpty()) {
      problem("Field '" + field + "' must be a non-empty array of strings", at(field));
      return out;
    }
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        problem("Field '" + field + "' must be a non-empty array of strings", at(field));
        return List.of();
      }
      out.add(item.asText());
    }
    return out;
  }
}
