package io.powertune.statemachine.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.statemachine.ErrorNames;
import io.powertune.statemachine.StatesError;
import io.powertune.statemachine.Timestamps;
import io.powertune.statemachine.path.Paths;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Compares the value at {@code variable} with {@code operand} by {@code operator}. For a {@code
 * ...Path} operator the operand is a path (text) to the value to compare with; for the Is* tests it
 * is a boolean: true checks the property, false its absence.
 *
 * <p>A value of the wrong type for the operator (a number for StringEquals, a string that is no
 * timestamp for TimestampEquals) makes the comparison false, on either side.
 */
public record Comparison(String variable, Operator operator, JsonNode operand)
    implements ChoiceRule {

  public Comparison {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(operand, "operand");
  }

  @Override
  public boolean matches(JsonNode input, JsonNode context) {
    if (operator == Operator.IS_PRESENT) {
      return isPresent(input, context) == operand.booleanValue();
    }
    JsonNode value = read(variable, input, context);
    return switch (operator.family()) {
      case TYPE_TEST -> typeTest(value) == operand.booleanValue();
      case STRING_MATCHES -> value.isTextual() && stringMatches(value.textValue());
      case STRING, NUMERIC, BOOLEAN, TIMESTAMP -> compare(value, expected(input, context));
    };
  }

  private boolean stringMatches(String text) {
    return StringMatcher.compile(operand.textValue()).matches(text);
  }

  private boolean isPresent(JsonNode input, JsonNode context) {
    try {
      Paths.read(variable, input, context, ErrorNames.RUNTIME);
      return true;
    } catch (StatesError e) {
      return false;
    }
  }

  private boolean typeTest(JsonNode value) {
    return switch (operator) {
      case IS_NULL -> value.isNull();
      case IS_NUMERIC -> value.isNumber();
      case IS_STRING -> value.isTextual();
      case IS_BOOLEAN -> value.isBoolean();
      case IS_TIMESTAMP -> value.isTextual() && Timestamps.parse(value.textValue()) != null;
      default -> throw new IllegalStateException("Not a type test: " + operator.key());
    };
  }

  /** The operand, or for a ...Path operator the value its path reads. */
  private JsonNode expected(JsonNode input, JsonNode context) {
    return operator.isPath() ? read(operand.textValue(), input, context) : operand;
  }

  /** A path's value; nothing there is a States.Runtime error worded as Step Functions words it. */
  private static JsonNode read(String path, JsonNode input, JsonNode context) {
    try {
      return Paths.read(path, input, context, ErrorNames.RUNTIME);
    } catch (StatesError e) {
      throw new StatesError(
          ErrorNames.RUNTIME,
          "Invalid path '"
              + path
              + "': The choice state's condition path references an invalid value.");
    }
  }

  private boolean compare(JsonNode value, JsonNode expected) {
    Integer order =
        switch (operator.family()) {
          case STRING -> compareStrings(value, expected);
          case NUMERIC -> compareNumbers(value, expected);
          case BOOLEAN -> compareBooleans(value, expected);
          case TIMESTAMP -> compareTimestamps(value, expected);
          case STRING_MATCHES, TYPE_TEST ->
              throw new IllegalStateException("Not an ordering: " + operator.key());
        };
    return order != null && operator.relation().holds(order);
  }

  /** By UTF-16 code units ({@link String#compareTo}); null unless both are strings. */
  private static Integer compareStrings(JsonNode a, JsonNode b) {
    if (!a.isTextual() || !b.isTextual()) {
      return null;
    }
    return a.textValue().compareTo(b.textValue());
  }

  /** As decimals, so 1 equals 1.0; null unless both are (finite) numbers. */
  private static Integer compareNumbers(JsonNode a, JsonNode b) {
    BigDecimal x = decimal(a);
    BigDecimal y = decimal(b);
    return x == null || y == null ? null : x.compareTo(y);
  }

  private static BigDecimal decimal(JsonNode node) {
    if (!node.isNumber()) {
      return null;
    }
    if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
      return null;
    }
    return node.decimalValue();
  }

  private static Integer compareBooleans(JsonNode a, JsonNode b) {
    if (!a.isBoolean() || !b.isBoolean()) {
      return null;
    }
    return Boolean.compare(a.booleanValue(), b.booleanValue());
  }

  /** As instants, whatever the offsets; null unless both are timestamp strings. */
  private static Integer compareTimestamps(JsonNode a, JsonNode b) {
    Instant x = a.isTextual() ? Timestamps.parse(a.textValue()) : null;
    Instant y = b.isTextual() ? Timestamps.parse(b.textValue()) : null;
    return x == null || y == null ? null : x.compareTo(y);
  }
}
