package io.powertune.statemachine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.powertune.statemachine.path.Paths;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tokens of an intrinsic expression from left to right: names, string literals, numbers
 * and paths. Every problem is an {@link IllegalArgumentException} naming it and where it is.
 */
final class Lexer {

  private static final String ESCAPABLE = "'{}\\";

  private final String text;
  private int pos;

  Lexer(String text) {
    this.text = text;
  }

  boolean atEnd() {
    return pos >= text.length();
  }

  /** The next character; only when not {@link #atEnd()}. */
  char peek() {
    return text.charAt(pos);
  }

  /** True, and past it, when the next character is {@code c}. */
  boolean accept(char c) {
    if (!atEnd() && peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  boolean startsWith(String prefix) {
    return text.startsWith(prefix, pos);
  }

  int position() {
    return pos;
  }

  void reset(int position) {
    pos = position;
  }

  void skipSpace() {
    while (!atEnd() && Character.isWhitespace(peek())) {
      pos++;
    }
  }

  /** A name such as {@code States.Format} or {@code true}: letters, digits, '.' and '_'. */
  String identifier() {
    int start = pos;
    while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '.' || peek() == '_')) {
      pos++;
    }
    if (pos == start) {
      throw error("expected a function name");
    }
    return text.substring(start, pos);
  }

  /**
   * A string literal in single quotes; a backslash escapes {@code '}, {@code {}, {@code }} and
   * itself. An unescaped {@code {}} is a States.Format placeholder.
   */
  Expr.Str string() {
    int start = pos;
    pos++;
    StringBuilder value = new StringBuilder();
    StringBuilder segment = new StringBuilder();
    List<String> segments = new ArrayList<>();
    while (true) {
      if (atEnd()) {
        pos = start;
        throw error("unterminated string literal");
      }
      char c = text.charAt(pos++);
      if (c == '\'') {
        break;
      }
      if (c == '\\') {
        if (atEnd()) {
          pos = start;
          throw error("unterminated string literal");
        }
        char escaped = peek();
        if (ESCAPABLE.indexOf(escaped) < 0) {
          pos--;
          throw error(
              "invalid escape '\\" + escaped + "': only \\', \\{, \\} and \\\\ are escapes");
        }
        pos++;
        value.append(escaped);
        segment.append(escaped);
      } else if (c == '{' && accept('}')) {
        value.append("{}");
        segments.add(segment.toString());
        segment.setLength(0);
      } else {
        value.append(c);
        segment.append(c);
      }
    }
    segments.add(segment.toString());
    return new Expr.Str(value.toString(), segments);
  }

  /** A path runs to the next ',', ')' or whitespace outside brackets, parentheses and quotes. */
  Expr.Path path() {
    int start = pos;
    int nesting = 0;
    char quote = 0;
    while (!atEnd()) {
      char c = peek();
      if (quote != 0) {
        if (c == '\\' && pos + 1 < text.length()) {
          pos++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (nesting > 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == '[' || c == '(') {
        nesting++;
      } else if (c == ']' || c == ')') {
        if (nesting == 0) {
          break;
        }
        nesting--;
      } else if (nesting == 0 && (c == ',' || Character.isWhitespace(c))) {
        break;
      }
      pos++;
    }
    String path = text.substring(start, pos);
    if (quote != 0 || nesting != 0) {
      pos = start;
      throw error("unbalanced brackets or quotes in the path '" + path + "'");
    }
    try {
      Paths.validate(path);
    } catch (RuntimeException e) {
      pos = start;
      throw error("invalid path '" + path + "': " + e.getMessage());
    }
    return new Expr.Path(path);
  }

  /** A number: an optional '-', digits, then optionally a fraction and an exponent. */
  Expr.Literal number() {
    int start = pos;
    accept('-');
    if (skipDigits() == 0) {
      pos = start;
      throw error("expected a number");
    }
    boolean integral = true;
    if (accept('.')) {
      integral = false;
      if (skipDigits() == 0) {
        throw error("expected digits after the decimal point");
      }
    }
    if (accept('e') || accept('E')) {
      integral = false;
      if (!accept('+')) {
        accept('-');
      }
      if (skipDigits() == 0) {
        throw error("expected digits in the exponent");
      }
    }
    String token = text.substring(start, pos);
    return new Expr.Literal(integral ? integer(token) : decimal(token));
  }

  private static JsonNode integer(String token) {
    BigInteger value = new BigInteger(token);
    if (value.bitLength() < Integer.SIZE) {
      return IntNode.valueOf(value.intValue());
    }
    if (value.bitLength() < Long.SIZE) {
      return LongNode.valueOf(value.longValue());
    }
    return BigIntegerNode.valueOf(value);
  }

  private JsonNode decimal(String token) {
    double value = Double.parseDouble(token);
    if (Double.isInfinite(value)) {
      throw error("the number " + token + " is out of range");
    }
    return DoubleNode.valueOf(value);
  }

  private int skipDigits() {
    int start = pos;
    while (!atEnd() && isDigit(peek())) {
      pos++;
    }
    return pos - start;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** An error at the current position. */
  IllegalArgumentException error(String problem) {
    return new IllegalArgumentException(
        "Invalid intrinsic function '" + text + "': " + problem + " (at position " + pos + ")");
  }
}
