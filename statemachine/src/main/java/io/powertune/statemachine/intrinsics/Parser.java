package io.powertune.statemachine.intrinsics;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses an intrinsic expression such as {@code States.Format('{}', $.a)} into an {@link Expr}
 * tree, checking function names, argument counts ({@link Functions#check}) and the nesting limit as
 * it goes. Every problem is an {@link IllegalArgumentException} naming it and where it is.
 */
final class Parser {

  /** The most intrinsic calls one chain may nest, the outermost call included. */
  static final int MAX_NESTING = 10;

  private final Lexer lexer;

  private Parser(String text) {
    this.lexer = new Lexer(text);
  }

  /** Parses a whole expression: one call, optionally surrounded by whitespace. */
  static Expr.Call parse(String text) {
    Parser parser = new Parser(text);
    Lexer lexer = parser.lexer;
    lexer.skipSpace();
    if (!lexer.startsWith("States.")) {
      throw lexer.error("an intrinsic function starts with 'States.'");
    }
    Expr.Call call = parser.call(1);
    lexer.skipSpace();
    if (!lexer.atEnd()) {
      throw lexer.error("unexpected '" + lexer.peek() + "' after the closing ')'");
    }
    return call;
  }

  private Expr.Call call(int depth) {
    if (depth > MAX_NESTING) {
      throw lexer.error("more than " + MAX_NESTING + " levels of nested intrinsic functions");
    }
    int start = lexer.position();
    String name = lexer.identifier();
    lexer.skipSpace();
    if (!lexer.accept('(')) {
      throw lexer.error("expected '(' after '" + name + "'");
    }
    List<Expr> args = new ArrayList<>();
    lexer.skipSpace();
    if (!lexer.accept(')')) {
      while (true) {
        args.add(argument(depth));
        lexer.skipSpace();
        if (lexer.atEnd()) {
          throw lexer.error("missing ')' to close " + name);
        }
        if (lexer.accept(')')) {
          break;
        }
        if (!lexer.accept(',')) {
          throw lexer.error("expected ',' or ')' but found '" + lexer.peek() + "'");
        }
      }
    }
    try {
      Functions.check(name, args);
    } catch (IllegalArgumentException e) {
      lexer.reset(start);
      throw lexer.error(e.getMessage());
    }
    return new Expr.Call(name, args);
  }

  private Expr argument(int depth) {
    lexer.skipSpace();
    if (lexer.atEnd()) {
      throw lexer.error("expected an argument but the expression ended");
    }
    char c = lexer.peek();
    if (c == '\'') {
      return lexer.string();
    }
    if (c == '$') {
      return lexer.path();
    }
    if (c == '-' || Lexer.isDigit(c)) {
      return lexer.number();
    }
    if (!Character.isLetter(c)) {
      throw lexer.error("expected an argument but found '" + c + "'");
    }
    int start = lexer.position();
    String word = lexer.identifier();
    switch (word) {
      case "true":
        return new Expr.Literal(BooleanNode.TRUE);
      case "false":
        return new Expr.Literal(BooleanNode.FALSE);
      case "null":
        return new Expr.Literal(NullNode.getInstance());
      default:
        lexer.reset(start);
        if (!word.startsWith("States.")) {
          throw lexer.error(
              "unexpected '"
                  + word
                  + "': an argument is a 'string', a number, true, false, null,"
                  + " a $path or a States.* call");
        }
        return call(depth + 1);
    }
  }
}
