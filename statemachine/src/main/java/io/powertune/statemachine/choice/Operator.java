package io.powertune.statemachine.choice;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The comparison operators of a Choice rule: what each compares the Variable's value as, how, and
 * what kind of operand it takes.
 */
public enum Operator {
  STRING_EQUALS("StringEquals", Family.STRING, Relation.EQUALS, false),
  STRING_LESS_THAN("StringLessThan", Family.STRING, Relation.LESS_THAN, false),
  STRING_GREATER_THAN("StringGreaterThan", Family.STRING, Relation.GREATER_THAN, false),
  STRING_LESS_THAN_EQUALS("StringLessThanEquals", Family.STRING, Relation.LESS_THAN_EQUALS, false),
  STRING_GREATER_THAN_EQUALS(
      "StringGreaterThanEquals", Family.STRING, Relation.GREATER_THAN_EQUALS, false),
  STRING_EQUALS_PATH("StringEqualsPath", Family.STRING, Relation.EQUALS, true),
  STRING_LESS_THAN_PATH("StringLessThanPath", Family.STRING, Relation.LESS_THAN, true),
  STRING_GREATER_THAN_PATH("StringGreaterThanPath", Family.STRING, Relation.GREATER_THAN, true),
  STRING_LESS_THAN_EQUALS_PATH(
      "StringLessThanEqualsPath", Family.STRING, Relation.LESS_THAN_EQUALS, true),
  STRING_GREATER_THAN_EQUALS_PATH(
      "StringGreaterThanEqualsPath", Family.STRING, Relation.GREATER_THAN_EQUALS, true),
  STRING_MATCHES("StringMatches", Family.STRING_MATCHES, null, false),

  NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, Relation.EQUALS, false),
  NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, Relation.LESS_THAN, false),
  NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, Relation.GREATER_THAN, false),
  NUMERIC_LESS_THAN_EQUALS(
      "NumericLessThanEquals", Family.NUMERIC, Relation.LESS_THAN_EQUALS, false),
  NUMERIC_GREATER_THAN_EQUALS(
      "NumericGreaterThanEquals", Family.NUMERIC, Relation.GREATER_THAN_EQUALS, false),
  NUMERIC_EQUALS_PATH("NumericEqualsPath", Family.NUMERIC, Relation.EQUALS, true),
  NUMERIC_LESS_THAN_PATH("NumericLessThanPath", Family.NUMERIC, Relation.LESS_THAN, true),
  NUMERIC_GREATER_THAN_PATH("NumericGreaterThanPath", Family.NUMERIC, Relation.GREATER_THAN, true),
  NUMERIC_LESS_THAN_EQUALS_PATH(
      "NumericLessThanEqualsPath", Family.NUMERIC, Relation.LESS_THAN_EQUALS, true),
  NUMERIC_GREATER_THAN_EQUALS_PATH(
      "NumericGreaterThanEqualsPath", Family.NUMERIC, Relation.GREATER_THAN_EQUALS, true),

  BOOLEAN_EQUALS("BooleanEquals", Family.BOOLEAN, Relation.EQUALS, false),
  BOOLEAN_EQUALS_PATH("BooleanEqualsPath", Family.BOOLEAN, Relation.EQUALS, true),

  TIMESTAMP_EQUALS("TimestampEquals", Family.TIMESTAMP, Relation.EQUALS, false),
  TIMESTAMP_LESS_THAN("TimestampLessThan", Family.TIMESTAMP, Relation.LESS_THAN, false),
  TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Family.TIMESTAMP, Relation.GREATER_THAN, false),
  TIMESTAMP_LESS_THAN_EQUALS(
      "TimestampLessThanEquals", Family.TIMESTAMP, Relation.LESS_THAN_EQUALS, false),
  TIMESTAMP_GREATER_THAN_EQUALS(
      "TimestampGreaterThanEquals", Family.TIMESTAMP, Relation.GREATER_THAN_EQUALS, false),
  TIMESTAMP_EQUALS_PATH("TimestampEqualsPath", Family.TIMESTAMP, Relation.EQUALS, true),
  TIMESTAMP_LESS_THAN_PATH("TimestampLessThanPath", Family.TIMESTAMP, Relation.LESS_THAN, true),
  TIMESTAMP_GREATER_THAN_PATH(
      "TimestampGreaterThanPath", Family.TIMESTAMP, Relation.GREATER_THAN, true),
  TIMESTAMP_LESS_THAN_EQUALS_PATH(
      "TimestampLessThanEqualsPath", Family.TIMESTAMP, Relation.LESS_THAN_EQUALS, true),
  TIMESTAMP_GREATER_THAN_EQUALS_PATH(
      "TimestampGreaterThanEqualsPath", Family.TIMESTAMP, Relation.GREATER_THAN_EQUALS, true),

  IS_NULL("IsNull", Family.TYPE_TEST, null, false),
  IS_PRESENT("IsPresent", Family.TYPE_TEST, null, false),
  IS_NUMERIC("IsNumeric", Family.TYPE_TEST, null, false),
  IS_STRING("IsString", Family.TYPE_TEST, null, false),
  IS_BOOLEAN("IsBoolean", Family.TYPE_TEST, null, false),
  IS_TIMESTAMP("IsTimestamp", Family.TYPE_TEST, null, false);

  /** What the Variable's value is compared as. */
  public enum Family {
    STRING,
    NUMERIC,
    BOOLEAN,
    TIMESTAMP,
    /** StringMatches: a string against a pattern with {@code *} wildcards. */
    STRING_MATCHES,
    /** IsNull, IsPresent, IsNumeric, IsString, IsBoolean, IsTimestamp. */
    TYPE_TEST
  }

  /** The kind of JSON value an operator's operand must be. */
  public enum OperandKind {
    STRING,
    NUMBER,
    BOOLEAN,
    /** A string that is an RFC 3339 timestamp. */
    TIMESTAMP,
    /** A string that is a JSONPath, read from the input ({@code $}) or context ({@code $$}). */
    PATH
  }

  /** How the result of comparing the Variable's value to the operand must turn out. */
  public enum Relation {
    EQUALS,
    LESS_THAN,
    GREATER_THAN,
    LESS_THAN_EQUALS,
    GREATER_THAN_EQUALS;

    /** True when {@code order} (negative, zero or positive, as from compareTo) satisfies this. */
    public boolean holds(int order) {
      return switch (this) {
        case EQUALS -> order == 0;
        case LESS_THAN -> order < 0;
        case GREATER_THAN -> order > 0;
        case LESS_THAN_EQUALS -> order <= 0;
        case GREATER_THAN_EQUALS -> order >= 0;
      };
    }
  }

  private static final Map<String, Operator> BY_KEY =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(Operator::key, Function.identity()));

  private final String key;
  private final Family family;
  private final Relation relation;
  private final boolean path;

  Operator(String key, Family family, Relation relation, boolean path) {
    this.key = key;
    this.family = family;
    this.relation = relation;
    this.path = path;
  }

  /** The operator named by a rule's field name ({@code "StringEquals"}), if there is one. */
  public static Optional<Operator> forKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** The field name in a rule, such as {@code StringEquals}. */
  public String key() {
    return key;
  }

  /** What the Variable's value is compared as. */
  public Family family() {
    return family;
  }

  /** The relation that must hold; null for StringMatches and the Is* type tests. */
  public Relation relation() {
    return relation;
  }

  /** True for the {@code ...Path} operators, whose operand is a path to the value to compare. */
  public boolean isPath() {
    return path;
  }

  /** The kind of JSON value the operand must be. */
  public OperandKind operandKind() {
    if (path) {
      return OperandKind.PATH;
    }
    return switch (family) {
      case STRING, STRING_MATCHES -> OperandKind.STRING;
      case NUMERIC -> OperandKind.NUMBER;
      case BOOLEAN, TYPE_TEST -> OperandKind.BOOLEAN;
      case TIMESTAMP -> OperandKind.TIMESTAMP;
    };
  }
}
