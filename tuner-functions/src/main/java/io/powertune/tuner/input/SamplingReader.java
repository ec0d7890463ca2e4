package io.powertune.tuner.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.analyzer.JsonFields;
import io.powertune.analyzer.adaptive.SamplingSettings;
import io.powertune.analyzer.model.InvalidInputException;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code sampling} and the adaptive race's settings: {@code confidence}, {@code
 * tieTolerance}, {@code minNum} and {@code maxNum}. Those four are refused without {@code
 * "sampling": "adaptive"}, so a setting that would change nothing never passes unnoticed.
 */
final class SamplingReader {

  static final String FIXED = "fixed";
  static final String ADAPTIVE = "adaptive";

  private static final List<String> SETTINGS =
      List.of("confidence", "tieTolerance", "minNum", "maxNum");

  private SamplingReader() {}

  /** The race's settings; null for the original's fixed {@code num}. */
  static SamplingSettings read(JsonNode input) {
    String mode = JsonFields.text(input.get("sampling"), "sampling");
    String name = mode == null ? FIXED : mode.strip().toLowerCase(Locale.ROOT);
    if (!name.equals(FIXED) && !name.equals(ADAPTIVE)) {
      throw new InvalidInputException(
          "sampling",
          "expected \"fixed\" (num invocations per size) or \"adaptive\", got '" + mode + "'");
    }
    if (name.equals(FIXED)) {
      for (String setting : SETTINGS) {
        if (!JsonFields.isAbsent(input.get(setting))) {
          throw new InvalidInputException(
              setting,
              "is a setting of adaptive sampling; add \"sampling\": \"adaptive\" or leave it out");
        }
      }
      return null;
    }
    SamplingSettings defaults = SamplingSettings.DEFAULTS;
    int maxNum =
        TuningInputReader.bounded(
            input.get("maxNum"),
            "maxNum",
            defaults.maxNum(),
            TuningInputReader.MIN_NUM,
            TuningInputReader.MAX_NUM);
    int minNum =
        TuningInputReader.bounded(
            input.get("minNum"), "minNum", Math.min(defaults.minNum(), maxNum), 2, maxNum);
    return new SamplingSettings(
        share(input.get("confidence"), "confidence", defaults.confidence(), 0.5, 0.999),
        share(input.get("tieTolerance"), "tieTolerance", defaults.tieTolerance(), 0, 0.5),
        minNum,
        maxNum);
  }

  private static double share(
      JsonNode node, String field, double fallback, double min, double max) {
    String range = "a number from " + min + " to " + max;
    Double value = JsonFields.number(node, field, range);
    if (value == null) {
      return fallback;
    }
    if (value < min || value > max) {
      throw new InvalidInputException(field, "expected " + range + ", got " + node);
    }
    return value;
  }
}
