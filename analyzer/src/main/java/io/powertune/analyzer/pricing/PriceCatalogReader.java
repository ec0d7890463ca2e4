package io.powertune.analyzer.pricing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.analyzer.model.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a price file. Layout (every price table maps {@code default} and optional region names to a
 * price):
 *
 * <pre>
 * { "name": "aws", "source": "...", "takenOn": "2026-11-22",
 *   "lambda": { "computeUnit": "GB-second" | "ms-at-128MB",
 *               "compute": { "x86_64": {"default": 0.0000166667, "af-south-1": 0.0000221},
 *                            "arm64":  {"default": 0.0000133334} },
 *               "requestsPerMillion": {"default": 0.20} },
 *   "stepFunctions": { "perStateTransition": {"default": 0.000025} } }
 * </pre>
 */
public final class PriceCatalogReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PriceCatalogReader() {}

  /**
   * Parses and validates a price file's text.
   *
   * @param origin how to name the file in error messages
   * @throws InvalidInputException naming the first offending field
   */
  public static PriceCatalog read(String json, String origin) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(origin, "not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(origin, "expected a JSON object");
    }
    JsonNode lambda = object(root, "lambda", origin);
    return new PriceCatalog(
        text(root, "name", origin),
        root.path("source").asText(""),
        date(root, origin),
        unit(lambda, origin),
        compute(object(lambda, "compute", origin + ": lambda"), origin),
        table(lambda.get("requestsPerMillion"), origin + ": lambda.requestsPerMillion"),
        table(
            object(root, "stepFunctions", origin).get("perStateTransition"),
            origin + ": stepFunctions.perStateTransition"));
  }

  private static Map<Architecture, RegionalPrice> compute(JsonNode compute, String origin) {
    Map<Architecture, RegionalPrice> prices = new EnumMap<>(Architecture.class);
    for (Architecture architecture : Architecture.values()) {
      String field = origin + ": lambda.compute." + architecture.apiName();
      prices.put(architecture, table(compute.get(architecture.apiName()), field));
    }
    return prices;
  }

  private static RegionalPrice table(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(
          field, "missing; give an object of prices with at least a \"default\" entry");
    }
    Map<String, Double> byRegion = new HashMap<>();
    Double defaultPrice = null;
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      double price = price(entry.getValue(), field + "." + entry.getKey());
      if (entry.getKey().equals("default")) {
        defaultPrice = price;
      } else {
        byRegion.put(entry.getKey(), price);
      }
    }
    if (defaultPrice == null) {
      throw new InvalidInputException(field + ".default", "missing; every price table needs one");
    }
    return new RegionalPrice(defaultPrice, byRegion);
  }

  private static double price(JsonNode value, String field) {
    if (!value.isNumber() || value.asDouble() < 0) {
      throw new InvalidInputException(
          field, "expected a non-negative number, got " + value.toString());
    }
    return value.asDouble();
  }

  private static ComputeUnit unit(JsonNode lambda, String origin) {
    String unit = text(lambda, "computeUnit", origin + ": lambda");
    return Arrays.stream(ComputeUnit.values())
        .filter(u -> u.fileName().equals(unit))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    origin + ": lambda.computeUnit",
                    "unknown unit '" + unit + "'; use GB-second or ms-at-128MB"));
  }

  private static LocalDate date(JsonNode root, String origin) {
    String text = text(root, "takenOn", origin);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          origin + ": takenOn", "expected a date like 2026-11-22, got '" + text + "'");
    }
  }

  private static JsonNode object(JsonNode parent, String name, String where) {
    JsonNode node = parent.get(name);
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(where + ": " + name, "missing; expected an object");
    }
    return node;
  }

  private static String text(JsonNode parent, String name, String where) {
    JsonNode node = parent.get(name);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new InvalidInputException(where + ": " + name, "missing; expected a string");
    }
    return node.asText();
  }
}
