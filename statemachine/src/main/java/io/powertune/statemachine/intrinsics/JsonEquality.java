package io.powertune.statemachine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON equality for States.ArrayContains and States.ArrayUnique: numbers equal by value ({@code 1}
 * equals {@code 1.0}), objects regardless of key order, arrays element by element. Two values are
 * equal when their {@link #key}s are.
 */
final class JsonEquality {

  private JsonEquality() {}

  /** A text that is the same for two values exactly when they are equal as JSON. */
  static String key(JsonNode node) {
    StringBuilder out = new StringBuilder();
    append(node, out);
    return out.toString();
  }

  private static void append(JsonNode node, StringBuilder out) {
    if (node.isNumber()) {
      out.append(number(node));
    } else if (node.isArray()) {
      out.append('[');
      for (JsonNode element : node) {
        append(element, out);
        out.append(',');
      }
      out.append(']');
    } else if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        sorted.put(property.getKey(), property.getValue());
      }
      out.append('{');
      for (Map.Entry<String, JsonNode> property : sorted.entrySet()) {
        out.append(quoted(property.getKey())).append(':');
        append(property.getValue(), out);
        out.append(',');
      }
      out.append('}');
    } else {
      out.append(node);
    }
  }

  private static String number(JsonNode node) {
    if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
      return node.toString();
    }
    return node.decimalValue().stripTrailingZeros().toPlainString();
  }

  private static String quoted(String name) {
    return TextNode.valueOf(name).toString();
  }
}
