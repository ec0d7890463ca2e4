package io.powertune.analyzer.tuning;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.powertune.analyzer.model.InvalidInputException;

/** Reads a tuning's output (a {@code result.json}) back into its record. */
public final class TuningResults {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private TuningResults() {}

  /**
   * Reads a result.
   *
   * @param source names the result in errors (a file, an execution)
   * @throws InvalidInputException when it is not a tuning's output (a dry run's {@code null}, the
   *     original tool's output without {@code sizes}, or another JSON)
   */
  public static TuningAnalysis read(JsonNode json, String source) {
    if (json == null || json.isNull()) {
      throw new InvalidInputException(
          source, "is a dry run's output (null): there is nothing to report");
    }
    if (!json.isObject() || !json.path("sizes").isArray() || !json.has("power")) {
      throw new InvalidInputException(
          source,
          "is not a powertune tuning's output: it needs power and sizes (the original tool's"
              + " output has no sizes; re-run the tuning with powertune)");
    }
    try {
      return MAPPER.treeToValue(json, TuningAnalysis.class);
    } catch (Exception e) {
      throw new InvalidInputException(
          source, "cannot be read as a tuning's output: " + e.getMessage());
    }
  }
}
