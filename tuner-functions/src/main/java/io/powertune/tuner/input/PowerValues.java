package io.powertune.tuner.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.analyzer.JsonFields;
import io.powertune.analyzer.model.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/** The memory sizes to measure, as the input gives them. */
public final class PowerValues {

  /** The smallest memory size Lambda accepts. */
  public static final int MIN = 128;

  /** The largest memory size Lambda accepts. */
  public static final int MAX = 10_240;

  /** The original's defaults. */
  public static final List<Integer> DEFAULTS = List.of(128, 256, 512, 1024, 1536, 3008);

  /** The original's {@code ALL}: 128 to 3008 MB in steps of 64 (46 sizes). */
  public static final List<Integer> ALL =
      IntStream.iterate(128, m -> m <= 3008, m -> m + 64).boxed().toList();

  private PowerValues() {}

  /**
   * Reads {@code powerValues}: a list of sizes (numbers or numeric strings), the string {@code
   * ALL}, or nothing (the defaults).
   *
   * @throws InvalidInputException for a size Lambda does not accept or one listed twice
   */
  public static List<Integer> read(JsonNode node, List<Integer> defaults) {
    if (JsonFields.isAbsent(node) || (node.isArray() && node.isEmpty())) {
      return List.copyOf(defaults);
    }
    if (node.isTextual()) {
      if (node.asText().strip().toUpperCase(Locale.ROOT).equals("ALL")) {
        return ALL;
      }
      throw new InvalidInputException(
          "powerValues",
          "'" + node.asText() + "' is not a list of sizes; give e.g. [128, 512, 1024] or \"ALL\"");
    }
    if (!node.isArray()) {
      throw new InvalidInputException(
          "powerValues", "expected a list of memory sizes in MB or \"ALL\", got " + node);
    }
    List<Integer> sizes = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      int size = size(node.get(i), "powerValues[" + i + "]");
      if (!seen.add(size)) {
        throw new InvalidInputException(
            "powerValues", size + " MB is listed twice; list each size once");
      }
      sizes.add(size);
    }
    return List.copyOf(sizes);
  }

  private static int size(JsonNode node, String field) {
    Double value = JsonFields.number(node, field, "a memory size in MB");
    if (value == null || value != Math.floor(value)) {
      throw new InvalidInputException(
          field, "expected a whole number of MB from " + MIN + " to " + MAX + ", got " + node);
    }
    if (value < MIN || value > MAX) {
      throw new InvalidInputException(
          field,
          value.intValue()
              + " MB is outside what Lambda accepts; use "
              + MIN
              + " to "
              + MAX
              + " MB");
    }
    return value.intValue();
  }
}
