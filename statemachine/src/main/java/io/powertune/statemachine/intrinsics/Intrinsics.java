package io.powertune.statemachine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.statemachine.ErrorNames;
import io.powertune.statemachine.StatesError;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The intrinsic functions of the States language ({@code States.Format('{}', $.a)} and the rest),
 * as AWS Step Functions defines them. Parsed expressions are cached, so evaluating the same
 * expression again only evaluates it.
 */
public final class Intrinsics {

  private static final Map<String, Expr.Call> PARSED = new ConcurrentHashMap<>();

  private Intrinsics() {}

  /** True when text looks like an intrinsic call: starts with "States." and contains "(". */
  public static boolean isIntrinsic(String text) {
    return text != null && text.startsWith("States.") && text.indexOf('(') >= 0;
  }

  /**
   * Parses the expression and checks the function names and argument counts; throws {@link
   * IllegalArgumentException} with a clear message naming the problem.
   */
  public static void validate(String expression) {
    parse(expression);
  }

  /**
   * Evaluates the call. Path arguments ({@code $...} or {@code $$...}) are read from {@code input}
   * or {@code context}. Every failure (a parse error, an argument of the wrong type, a value out of
   * range, a missing path) throws a {@link StatesError} named {@link ErrorNames#INTRINSIC_FAILURE}.
   *
   * @param random the source of States.MathRandom without a seed and of States.UUID
   * @return a value the caller owns: never a node of {@code input} or {@code context}
   */
  public static JsonNode evaluate(
      String expression, JsonNode input, JsonNode context, Random random) {
    Expr.Call call;
    try {
      call = parse(expression);
    } catch (IllegalArgumentException e) {
      throw new StatesError(ErrorNames.INTRINSIC_FAILURE, e.getMessage());
    }
    JsonNode result;
    try {
      result = new Evaluator(input, context, random).evaluate(call);
    } catch (StatesError e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StatesError(
          ErrorNames.INTRINSIC_FAILURE, "Evaluating '" + expression + "' failed: " + e);
    }
    if (result.isContainerNode()) {
      return result.deepCopy();
    }
    return result;
  }

  private static Expr.Call parse(String expression) {
    if (expression == null) {
      throw new IllegalArgumentException("Invalid intrinsic function: the expression is null");
    }
    return PARSED.computeIfAbsent(expression, Parser::parse);
  }
}
