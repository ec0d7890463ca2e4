package io.powertune.visualizer;

/** Text made safe for HTML, and the page's frame. */
final class Html {

  static final String STYLE =
      """
      body { font-family: "DejaVu Sans", Verdana, sans-serif; color: #222; margin: 2em auto;
             max-width: 1040px; line-height: 1.45; }
      h1 { font-size: 1.5em; margin-bottom: .2em; }
      h2 { font-size: 1.15em; margin-top: 1.8em; border-bottom: 1px solid #ddd; }
      table { border-collapse: collapse; margin: .6em 0; font-size: .92em; }
      th, td { padding: .3em .7em; border-bottom: 1px solid #e4e4e4; text-align: right;
               white-space: nowrap; }
      th:first-child, td:first-child { text-align: left; }
      tr.pick td { background: #fff1e0; font-weight: bold; }
      tr.unsuitable td, tr.dropped td { color: #888; }
      .recommendation { font-size: 1.05em; }
      .note { background: #fff8d6; padding: .5em .8em; border-left: 4px solid #e6b800; }
      figure { margin: 1em 0; }
      svg { max-width: 100%; height: auto; }
      footer { margin-top: 3em; color: #777; font-size: .85em; }
      """;

  private Html() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A whole page: the title, the style, and the body. */
  static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>"
        + escape(title)
        + "</title>\n<style>\n"
        + STYLE
        + "</style>\n</head>\n<body>\n<main>\n"
        + body
        + "</main>\n<footer>Made by powertune. This page is self-contained: it loads nothing from"
        + " anywhere.</footer>\n</body>\n</html>\n";
  }
}
