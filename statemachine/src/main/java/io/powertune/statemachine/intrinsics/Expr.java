package io.powertune.statemachine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A parsed intrinsic expression: an immutable tree of calls and their arguments. */
sealed interface Expr permits Expr.Call, Expr.Path, Expr.Str, Expr.Literal {

  /**
   * A call such as {@code States.Format('{}', $.a)}.
   *
   * @param name the function name, {@code States.} included
   * @param args the arguments, in order
   */
  record Call(String name, List<Expr> args) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /**
   * A JSONPath reference, {@code $...} into the input or {@code $$...} into the context object.
   *
   * @param path the path as written
   */
  record Path(String path) implements Expr {}

  /**
   * A quoted string literal.
   *
   * @param value the text with its escapes resolved
   * @param segments the text split at each unescaped {@code {}} (escapes resolved), so a template
   *     with n placeholders has n + 1 segments; States.Format fills the gaps
   */
  record Str(String value, List<String> segments) implements Expr {
    public Str {
      segments = List.copyOf(segments);
    }

    /** How many unescaped {@code {}} placeholders the literal holds. */
    int placeholders() {
      return segments.size() - 1;
    }
  }

  /**
   * A number, {@code true}, {@code false} or {@code null}.
   *
   * @param value an immutable value node
   */
  record Literal(JsonNode value) implements Expr {}
}
