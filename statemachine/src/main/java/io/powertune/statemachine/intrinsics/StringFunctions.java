package io.powertune.statemachine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/** States.Format and States.StringSplit. */
final class StringFunctions {

  private static final String PLACEHOLDER = "{}";

  private StringFunctions() {}

  /**
   * States.Format(template, values...): the template with each {@code {}} replaced, in order, by
   * the next value. Strings go in as they are; numbers, booleans and null as their JSON text. In a
   * literal template, escaped braces ({@code \{}, {@code \}}) are not placeholders.
   */
  static JsonNode format(Args args) {
    List<String> segments =
        args.expr(0) instanceof Expr.Str literal
            ? literal.segments()
            : split(args.text(0, "the template"));
    int placeholders = segments.size() - 1;
    if (placeholders != args.size() - 1) {
      throw args.fail(
          "the template has "
              + placeholders
              + " {} placeholder(s) but "
              + (args.size() - 1)
              + " value argument(s) follow it");
    }
    StringBuilder out = new StringBuilder(segments.get(0));
    for (int i = 1; i < segments.size(); i++) {
      out.append(render(args, i)).append(segments.get(i));
    }
    return TextNode.valueOf(out.toString());
  }

  /**
   * States.StringSplit(string, delimiters): the pieces of the string between any of the delimiter
   * characters, empty pieces left out.
   */
  static JsonNode stringSplit(Args args) {
    String text = args.text(0, "the string");
    String delimiters = args.text(1, "the delimiters");
    ArrayNode pieces = JsonNodeFactory.instance.arrayNode();
    StringBuilder piece = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      if (delimiters.indexOf(codePoint) >= 0) {
        addPiece(pieces, piece);
      } else {
        piece.appendCodePoint(codePoint);
      }
    }
    addPiece(pieces, piece);
    return pieces;
  }

  private static void addPiece(ArrayNode pieces, StringBuilder piece) {
    if (piece.length() > 0) {
      pieces.add(piece.toString());
      piece.setLength(0);
    }
  }

  /** A template read from a path or another call: every {@code {}} is a placeholder. */
  private static List<String> split(String template) {
    List<String> segments = new ArrayList<>();
    int from = 0;
    int at = template.indexOf(PLACEHOLDER);
    while (at >= 0) {
      segments.add(template.substring(from, at));
      from = at + PLACEHOLDER.length();
      at = template.indexOf(PLACEHOLDER, from);
    }
    segments.add(template.substring(from));
    return segments;
  }

  private static String render(Args args, int index) {
    JsonNode value = args.value(index);
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isContainerNode()) {
      throw args.fail(
          "argument "
              + (index + 1)
              + " is a JSON "
              + Args.typeName(value)
              + "; only strings, numbers, booleans and null can be formatted");
    }
    return value.toString();
  }
}
