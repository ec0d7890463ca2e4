package io.powertune.statemachine.choice;

import java.util.ArrayList;
import java.util.List;

/**
 * The pattern of StringMatches: {@code *} matches any sequence of characters (the empty one too),
 * {@code \*} is a literal star and {@code \\} a literal backslash; any other character, a backslash
 * before any other character included, stands for itself. The whole string must match.
 */
final class StringMatcher {

  /** The literal pieces between the wildcards: one more than there are wildcards. */
  private final List<String> pieces;

  private StringMatcher(List<String> pieces) {
    this.pieces = List.copyOf(pieces);
  }

  /** The matcher of {@code pattern}. */
  static StringMatcher compile(String pattern) {
    List<String> pieces = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      boolean escape =
          c == '\\'
              && i + 1 < pattern.length()
              && (pattern.charAt(i + 1) == '*' || pattern.charAt(i + 1) == '\\');
      if (escape) {
        i++;
        literal.append(pattern.charAt(i));
      } else if (c == '*') {
        pieces.add(literal.toString());
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    pieces.add(literal.toString());
    return new StringMatcher(pieces);
  }

  /** True when the whole of {@code text} matches the pattern. */
  boolean matches(String text) {
    if (pieces.size() == 1) {
      return text.equals(pieces.get(0));
    }
    String first = pieces.get(0);
    String last = pieces.get(pieces.size() - 1);
    if (text.length() < first.length() + last.length()
        || !text.startsWith(first)
        || !text.endsWith(last)) {
      return false;
    }
    // Each middle piece goes at its leftmost place after the previous one: that leaves the most
    // room for the rest, so if any placement works this one does.
    int from = first.length();
    int end = text.length() - last.length();
    for (int i = 1; i < pieces.size() - 1; i++) {
      String piece = pieces.get(i);
      int at = text.indexOf(piece, from);
      if (at < 0 || at + piece.length() > end) {
        return false;
      }
      from = at + piece.length();
    }
    return true;
  }
}
