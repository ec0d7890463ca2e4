package io.powertune.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.analyzer.model.PowerStat;
import io.powertune.analyzer.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an Analyzer event in the original's shape: the whole execution state, of which {@code
 * stats}, {@code strategy}, {@code balancedWeight}, {@code includeOutputResults}, {@code
 * onlyColdStarts}, {@code num} and {@code dryRun} matter here; other keys are ignored.
 */
public final class AnalyzerEventReader {

  private AnalyzerEventReader() {}

  /**
   * Validates and reads the event.
   *
   * @throws InvalidInputException naming the first offending field
   */
  public static AnalyzerEvent read(JsonNode event) {
    if (event == null || !event.isObject()) {
      throw new InvalidInputException("input", "expected a JSON object with a \"stats\" array");
    }
    JsonNode stats = event.get("stats");
    if (stats == null || !stats.isArray() || stats.isEmpty()) {
      throw new InvalidInputException(
          "stats",
          "missing or empty; give the array of {value, averagePrice, averageDuration, totalCost}"
              + " entries that the Executor steps produced");
    }
    boolean onlyColdStarts = JsonFields.flag(event.get("onlyColdStarts"), "onlyColdStarts");
    // num matters only for the cold-start estimate; elsewhere, as in the original, it is not read
    Integer num =
        onlyColdStarts
            ? JsonFields.integer(event.get("num"), "num", "the number of invocations")
            : null;
    if (onlyColdStarts && (num == null || num < 1)) {
      throw new InvalidInputException(
          "num",
          "required with onlyColdStarts (it sets the Step Functions estimate); give a count");
    }
    return new AnalyzerEvent(
        entries(stats),
        stats.size(),
        Strategy.parse(JsonFields.text(event.get("strategy"), "strategy"), "strategy"),
        Strategy.clampWeight(
            JsonFields.number(
                event.get("balancedWeight"), "balancedWeight", "a number from 0 to 1")),
        JsonFields.flag(event.get("includeOutputResults"), "includeOutputResults"),
        onlyColdStarts,
        num == null ? 0 : num,
        JsonFields.flag(event.get("dryRun"), "dryRun"));
  }

  private static List<PowerStat> entries(JsonNode stats) {
    List<PowerStat> entries = new ArrayList<>();
    for (int i = 0; i < stats.size(); i++) {
      JsonNode entry = stats.get(i);
      if (JsonFields.isAbsent(entry)) {
        continue;
      }
      String at = "stats[" + i + "]";
      if (!entry.isObject()) {
        throw new InvalidInputException(at, "expected an object, got " + entry);
      }
      entries.add(entry(entry, at));
    }
    return entries;
  }

  private static PowerStat entry(JsonNode entry, String at) {
    Integer value = JsonFields.integer(entry.get("value"), at + ".value", "a memory size in MB");
    if (value == null || value < 1) {
      throw new InvalidInputException(
          at + ".value", "missing or not positive; give the memory size in MB, e.g. 1024");
    }
    double duration = nonNegative(entry, "averageDuration", at);
    if (duration > 0 && JsonFields.isAbsent(entry.get("averagePrice"))) {
      throw new InvalidInputException(
          at + ".averagePrice",
          "missing; a measured entry needs the price of an average invocation");
    }
    return new PowerStat(
        value,
        nonNegative(entry, "averagePrice", at),
        duration,
        nonNegative(entry, "totalCost", at));
  }

  private static double nonNegative(JsonNode entry, String name, String at) {
    String field = at + "." + name;
    Double value = JsonFields.number(entry.get(name), field, "a non-negative number");
    if (value != null && value < 0) {
      throw new InvalidInputException(field, "expected a non-negative number, got " + value);
    }
    return value == null ? 0 : value;
  }
}
