package io.powertune.statemachine.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.statemachine.Timestamps;
import io.powertune.statemachine.path.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and checks the rules of a Choice state (JSONPath query language). */
public final class ChoiceRuleParser {

  private static final List<String> COMBINATORS = List.of("And", "Or", "Not");

  private ChoiceRuleParser() {}

  /**
   * Parses one rule (a top-level Choices element — ignore its "Next" key and "Comment" — or a
   * nested rule inside And/Or/Not, which must not have "Next").
   *
   * <p>Every problem is added to {@code problems} as {@code SCHEMA_VALIDATION_FAILED: <message> at
   * <location>} where location is a JSON-pointer-like path such as {@code
   * /States/Check/Choices/0/And/1} (the caller passes the location of {@code node}). Returns null
   * when the rule is invalid.
   */
  public static ChoiceRule parse(
      JsonNode node, String location, boolean topLevel, List<String> problems) {
    int before = problems.size();
    ChoiceRule rule = rule(node, location, topLevel, problems);
    return problems.size() == before ? rule : null;
  }

  /** The rule, or null when it has problems (all noted); null may come with no problem noted. */
  private static ChoiceRule rule(
      JsonNode node, String location, boolean topLevel, List<String> problems) {
    if (node == null || !node.isObject()) {
      problem(problems, "A choice rule must be a JSON object", location);
      return null;
    }
    checkNext(node, location, topLevel, problems);
    List<String> combinators = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (COMBINATORS.contains(field.getKey())) {
        combinators.add(field.getKey());
      }
    }
    if (combinators.size() > 1) {
      problem(
          problems,
          "A choice rule cannot have more than one of 'And', 'Or' and 'Not': " + combinators,
          location);
      return null;
    }
    return combinators.isEmpty()
        ? comparison(node, location, problems)
        : combinator(node, combinators.get(0), location, problems);
  }

  private static void checkNext(
      JsonNode node, String location, boolean topLevel, List<String> problems) {
    JsonNode next = node.get("Next");
    if (topLevel) {
      if (next == null) {
        problem(problems, "These fields are required: [Next]", location);
      } else if (!next.isTextual()) {
        problem(problems, "Field 'Next' must be a string", location + "/Next");
      }
    } else if (next != null) {
      problem(problems, "A nested choice rule cannot have 'Next'", location + "/Next");
    }
  }

  private static ChoiceRule combinator(
      JsonNode node, String name, String location, List<String> problems) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = field.getKey();
      if (!key.equals(name) && !key.equals("Next") && !key.equals("Comment")) {
        problem(problems, "Field '" + key + "' is not supported", location + "/" + key);
      }
    }
    JsonNode value = node.get(name);
    String at = location + "/" + name;
    if (name.equals("Not")) {
      if (!value.isObject()) {
        problem(problems, "Field 'Not' must be a JSON object", at);
        return null;
      }
      ChoiceRule inner = rule(value, at, false, problems);
      return inner == null ? null : new Not(inner);
    }
    if (!value.isArray() || value.isEmpty()) {
      problem(problems, "Field '" + name + "' must be a non-empty array", at);
      return null;
    }
    List<ChoiceRule> rules = new ArrayList<>();
    boolean valid = true;
    for (int i = 0; i < value.size(); i++) {
      ChoiceRule inner = rule(value.get(i), at + "/" + i, false, problems);
      valid &= inner != null;
      rules.add(inner);
    }
    if (!valid) {
      return null;
    }
    return name.equals("And") ? new And(rules) : new Or(rules);
  }

  private static ChoiceRule comparison(JsonNode node, String location, List<String> problems) {
    List<Operator> operators = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = field.getKey();
      if (key.equals("Variable") || key.equals("Next") || key.equals("Comment")) {
        continue;
      }
      Optional<Operator> operator = Operator.forKey(key);
      if (operator.isPresent()) {
        operators.add(operator.get());
      } else {
        problem(problems, "Field '" + key + "' is not supported", location + "/" + key);
      }
    }
    String variable = variable(node, location, problems);
    if (operators.isEmpty()) {
      problem(
          problems,
          "A choice rule needs 'And', 'Or', 'Not' or a comparison operator such as"
              + " 'StringEquals'",
          location);
      return null;
    }
    if (operators.size() > 1) {
      List<String> keys = operators.stream().map(Operator::key).toList();
      problem(
          problems,
          "A choice rule cannot have more than one comparison operator: " + keys,
          location);
      return null;
    }
    Operator operator = operators.get(0);
    JsonNode operand = node.get(operator.key());
    String operandProblem = operandProblem(operator, operand);
    if (operandProblem != null) {
      problem(problems, operandProblem, location + "/" + operator.key());
      return null;
    }
    return variable == null ? null : new Comparison(variable, operator, operand);
  }

  /** The Variable path, or null when it is missing or wrong (noted). */
  private static String variable(JsonNode node, String location, List<String> problems) {
    JsonNode value = node.get("Variable");
    if (value == null) {
      problem(problems, "These fields are required: [Variable]", location);
      return null;
    }
    String wrong = pathProblem("Variable", value);
    if (wrong != null) {
      problem(problems, wrong, location + "/Variable");
      return null;
    }
    return value.textValue();
  }

  /** What is wrong with the operand of {@code operator}, or null when nothing is. */
  private static String operandProblem(Operator operator, JsonNode operand) {
    String field = "Field '" + operator.key() + "'";
    return switch (operator.operandKind()) {
      case STRING -> operand.isTextual() ? null : field + " must be a string";
      case NUMBER -> operand.isNumber() ? null : field + " must be a number";
      case BOOLEAN -> operand.isBoolean() ? null : field + " must be a boolean";
      case TIMESTAMP ->
          operand.isTextual() && Timestamps.parse(operand.textValue()) != null
              ? null
              : field + " must be an RFC 3339 timestamp";
      case PATH -> pathProblem(operator.key(), operand);
    };
  }

  /** What is wrong with {@code value} as the JSONPath of {@code field}, or null when nothing is. */
  private static String pathProblem(String field, JsonNode value) {
    if (!value.isTextual() || !Paths.isPath(value.textValue())) {
      return "Field '" + field + "' must be a JSONPath";
    }
    try {
      Paths.validate(value.textValue());
      return null;
    } catch (IllegalArgumentException e) {
      return "The value of field '" + field + "' is not a valid JSONPath";
    }
  }

  private static void problem(List<String> problems, String message, String location) {
    problems.add("SCHEMA_VALIDATION_FAILED: " + message + " at " + location);
  }
}
