package io.powertune.statemachine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tuning workflow's one ASL definition ({@code power-tuning.asl.json}), with {@code ${...}}
 * placeholders for the workflow functions' ARNs, filled the way SAM's DefinitionSubstitutions fill
 * them.
 */
public final class PowerTuningDefinition {

  /** The definition's resource path. */
  public static final String RESOURCE = "/io/powertune/statemachine/power-tuning.asl.json";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  private PowerTuningDefinition() {}

  /** The definition as shipped, placeholders and all. */
  public static String template() {
    try (InputStream in = PowerTuningDefinition.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of the template's placeholders, in order of first use. */
  public static Set<String> placeholders() {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(template());
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /**
   * The definition with every placeholder replaced.
   *
   * @throws IllegalArgumentException when a placeholder has no value
   */
  public static String substitute(Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(template());
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for ${" + matcher.group(1) + "}");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
