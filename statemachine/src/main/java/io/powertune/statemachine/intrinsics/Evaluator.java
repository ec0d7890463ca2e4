package io.powertune.statemachine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.powertune.statemachine.ErrorNames;
import io.powertune.statemachine.path.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Evaluates an {@link Expr} tree against a state's input and the context object. */
final class Evaluator {

  private final JsonNode input;
  private final JsonNode context;
  private final Random random;

  Evaluator(JsonNode input, JsonNode context, Random random) {
    this.input = input;
    this.context = context;
    this.random = random;
  }

  /**
   * The value of {@code expr}. Path results are the nodes inside the input or context, not copies;
   * the caller copies the final result.
   */
  JsonNode evaluate(Expr expr) {
    if (expr instanceof Expr.Call call) {
      List<JsonNode> values = new ArrayList<>(call.args().size());
      for (Expr arg : call.args()) {
        values.add(evaluate(arg));
      }
      Functions.Signature function = Functions.named(call.name());
      return function.body().apply(new Args(call, values, random));
    }
    if (expr instanceof Expr.Path path) {
      JsonNode value = Paths.read(path.path(), input, context, ErrorNames.INTRINSIC_FAILURE);
      return value == null ? NullNode.getInstance() : value;
    }
    if (expr instanceof Expr.Str str) {
      return TextNode.valueOf(str.value());
    }
    if (expr instanceof Expr.Literal literal) {
      return literal.value();
    }
    throw new IllegalStateException("unknown expression " + expr);
  }
}
