package io.powertune.platform.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudWatch Logs filter pattern of plain terms: every term must appear (case-sensitive), a
 * {@code "quoted phrase"} must appear as written, {@code ?term}s match when any of them appears,
 * {@code -term} excludes. An empty pattern matches everything.
 */
public final class FilterPattern {

  private static final Pattern TOKEN = Pattern.compile("([?-]?)(\"([^\"]*)\"|\\S+)");

  private final List<String> required = new ArrayList<>();
  private final List<String> anyOf = new ArrayList<>();
  private final List<String> excluded = new ArrayList<>();

  private FilterPattern() {}

  public static FilterPattern parse(String pattern) {
    FilterPattern filter = new FilterPattern();
    if (pattern == null) {
      return filter;
    }
    Matcher m = TOKEN.matcher(pattern);
    while (m.find()) {
      String term = m.group(3) != null ? m.group(3) : m.group(2);
      switch (m.group(1)) {
        case "?" -> filter.anyOf.add(term);
        case "-" -> filter.excluded.add(term);
        default -> filter.required.add(term);
      }
    }
    return filter;
  }

  public boolean matches(String message) {
    return required.stream().allMatch(message::contains)
        && (anyOf.isEmpty() || anyOf.stream().anyMatch(message::contains))
        && excluded.stream().noneMatch(message::contains);
  }
}
