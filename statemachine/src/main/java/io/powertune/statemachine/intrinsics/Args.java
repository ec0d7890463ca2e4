package io.powertune.statemachine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.statemachine.ErrorNames;
import io.powertune.statemachine.StatesError;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The evaluated arguments of one call, with typed accessors that raise States.IntrinsicFailure
 * naming the function and the argument when a value is not what the function takes.
 */
final class Args {

  private final Expr.Call call;
  private final List<JsonNode> values;
  private final Random random;

  Args(Expr.Call call, List<JsonNode> values, Random random) {
    this.call = call;
    this.values = List.copyOf(values);
    this.random = random;
  }

  int size() {
    return values.size();
  }

  /** The argument as written, before evaluation. */
  Expr expr(int index) {
    return call.args().get(index);
  }

  /** The evaluated argument. */
  JsonNode value(int index) {
    return values.get(index);
  }

  /** The random source of the evaluation (States.MathRandom without a seed, States.UUID). */
  Random random() {
    return random;
  }

  String text(int index, String what) {
    JsonNode node = value(index);
    if (!node.isTextual()) {
      throw typeError(index, what, "a string");
    }
    return node.textValue();
  }

  ArrayNode array(int index, String what) {
    if (value(index) instanceof ArrayNode array) {
      return array;
    }
    throw typeError(index, what, "an array");
  }

  ObjectNode object(int index, String what) {
    if (value(index) instanceof ObjectNode object) {
      return object;
    }
    throw typeError(index, what, "a JSON object");
  }

  boolean bool(int index, String what) {
    JsonNode node = value(index);
    if (!node.isBoolean()) {
      throw typeError(index, what, "a boolean");
    }
    return node.booleanValue();
  }

  /**
   * A number rounded to the nearest integer (halves up, as Java's {@link Math#round(double)}), as
   * AWS does for the math and range functions; it must lie within the 32-bit integer range.
   */
  int roundedInt(int index, String what) {
    long rounded = roundedLong(index, what);
    if (rounded < Integer.MIN_VALUE || rounded > Integer.MAX_VALUE) {
      throw fail(
          what
              + " must be between "
              + Integer.MIN_VALUE
              + " and "
              + Integer.MAX_VALUE
              + ", got "
              + value(index));
    }
    return (int) rounded;
  }

  /** A number rounded to the nearest integer; it must lie within the 64-bit integer range. */
  long roundedLong(int index, String what) {
    JsonNode node = value(index);
    if (!node.isNumber()) {
      throw typeError(index, what, "a number");
    }
    if (node.isIntegralNumber()) {
      if (!node.canConvertToLong()) {
        throw fail(what + " is out of range: " + node);
      }
      return node.longValue();
    }
    double number = node.doubleValue();
    if (!Double.isFinite(number) || Math.abs(number) >= 0x1p63) {
      throw fail(what + " is out of range: " + node);
    }
    return Math.round(number);
  }

  /** A whole number (1 or 1.0, not 1.5) within the 32-bit integer range. */
  int exactInt(int index, String what) {
    JsonNode node = value(index);
    if (!node.isNumber()) {
      throw typeError(index, what, "an integer");
    }
    if (node.isIntegralNumber() ? !node.canConvertToInt() : !isWholeInt(node.doubleValue())) {
      throw fail(
          what
              + " must be an integer between "
              + Integer.MIN_VALUE
              + " and "
              + Integer.MAX_VALUE
              + ", got "
              + node);
    }
    return node.intValue();
  }

  private static boolean isWholeInt(double number) {
    return number == Math.rint(number)
        && number >= Integer.MIN_VALUE
        && number <= Integer.MAX_VALUE;
  }

  /** A States.IntrinsicFailure naming the function. */
  StatesError fail(String problem) {
    return new StatesError(ErrorNames.INTRINSIC_FAILURE, call.name() + ": " + problem);
  }

  private StatesError typeError(int index, String what, String expected) {
    JsonNode node = value(index);
    return fail(
        what
            + " (argument "
            + (index + 1)
            + ") must be "
            + expected
            + " but is "
            + typeName(node)
            + " "
            + abbreviate(node.toString()));
  }

  /** The JSON type of a node, for messages: string, number, boolean, null, array, object. */
  static String typeName(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static String abbreviate(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "...";
  }

  /** An integer node: an int node when the value fits in 32 bits, else a long node. */
  static JsonNode integer(long value) {
    return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
  }
}
