package io.powertune.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.analyzer.model.InvalidInputException;
import java.util.Locale;

/**
 * Reads loosely typed execution-input fields as the original accepts them (numbers may arrive as
 * numeric strings) and rejects what it would choke on, naming the field.
 */
public final class JsonFields {

  private JsonFields() {}

  /** True when the node is absent or JSON null. */
  public static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /** A number, or a string holding one; null when absent. */
  public static Double number(JsonNode node, String field, String expected) {
    if (isAbsent(node)) {
      return null;
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isTextual()) {
      try {
        double value = Double.parseDouble(node.asText().strip());
        if (Double.isFinite(value)) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new InvalidInputException(field, "expected " + expected + ", got " + node);
  }

  /** An integer as {@code parseInt} reads it (7.9 is 7, "7" is 7); null when absent. */
  public static Integer integer(JsonNode node, String field, String expected) {
    Double value = number(node, field, expected);
    return value == null ? null : (int) value.doubleValue();
  }

  /**
   * A flag: JSON true or false, the strings "true" or "false", or 0 and 1; absent means false.
   * Anything else is an error rather than JavaScript truthiness (where the string "false" would be
   * true).
   */
  public static boolean flag(JsonNode node, String field) {
    if (isAbsent(node)) {
      return false;
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isTextual()) {
      String text = node.asText().strip().toLowerCase(Locale.ROOT);
      if (text.equals("true") || text.equals("false")) {
        return text.equals("true");
      }
    }
    if (node.isNumber() && (node.asDouble() == 0 || node.asDouble() == 1)) {
      return node.asDouble() == 1;
    }
    throw new InvalidInputException(field, "expected true or false, got " + node);
  }

  /** A string; null when absent. */
  public static String text(JsonNode node, String field) {
    if (isAbsent(node)) {
      return null;
    }
    if (!node.isTextual()) {
      throw new InvalidInputException(field, "expected a string, got " + node);
    }
    return node.asText();
  }
}
