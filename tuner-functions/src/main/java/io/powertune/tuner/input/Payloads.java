package io.powertune.tuner.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.tuner.TunerJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The payload of every invocation, as the original makes them: one payload for all, or weighted
 * payloads laid out in blocks ({@code [{"payload": ..., "weight": 5}, ...]}).
 */
public final class Payloads {

  private Payloads() {}

  /**
   * True when the payload is weighted: a non-empty array whose every element has a truthy {@code
   * weight} and a truthy {@code payload}, the original's test. Any other array is one payload.
   */
  public static boolean isWeighted(JsonNode payload) {
    if (payload == null || !payload.isArray() || payload.isEmpty()) {
      return false;
    }
    for (JsonNode entry : payload) {
      if (!entry.isObject() || !truthy(entry.get("weight")) || !truthy(entry.get("payload"))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The request body of each of {@code num} invocations, in order.
   *
   * @param field the input field the payload came from, for errors
   * @throws InvalidInputException when weighted payloads do not fit in {@code num}
   */
  public static List<String> generate(JsonNode payload, int num, String field) {
    if (!isWeighted(payload)) {
      return Collections.nCopies(num, body(payload));
    }
    if (num < payload.size()) {
      throw new InvalidInputException(
          field,
          "you have "
              + payload.size()
              + " weighted payloads and only num="
              + num
              + "; increase num to at least "
              + payload.size());
    }
    double total = 0;
    for (int i = 0; i < payload.size(); i++) {
      total += weight(payload.get(i), field + "[" + i + "].weight");
    }
    List<String> bodies = new ArrayList<>(num);
    for (int i = 0; i < payload.size(); i++) {
      JsonNode entry = payload.get(i);
      int count =
          i == payload.size() - 1
              ? num - bodies.size()
              : (int) Math.floor(weight(entry, field) * num / total);
      if (count < 1) {
        throw new InvalidInputException(
            field + "[" + i + "].weight",
            "too small for num="
                + num
                + ": this payload would get no invocation; raise its weight or num");
      }
      bodies.addAll(Collections.nCopies(count, body(entry.get("payload"))));
    }
    return List.copyOf(bodies);
  }

  /**
   * The same bodies reordered so that every first few hold each block in about its share: a race
   * runs only the first indices of a size, and sizes dropped early must still be measured on the
   * payload mix the others get. Each block's k-th body goes at {@code (k + 0.5) / blockSize}, ties
   * in block order ({@code [A, A, B, B]} becomes {@code [A, B, A, B]}).
   */
  public static List<String> spread(List<String> laidOut) {
    List<double[]> keys = new ArrayList<>();
    int start = 0;
    while (start < laidOut.size()) {
      int end = start;
      while (end < laidOut.size() && laidOut.get(end).equals(laidOut.get(start))) {
        end++;
      }
      for (int j = start; j < end; j++) {
        keys.add(new double[] {(j - start + 0.5) / (end - start), j});
      }
      start = end;
    }
    keys.sort(Comparator.comparingDouble((double[] k) -> k[0]).thenComparingDouble(k -> k[1]));
    List<String> spread = new ArrayList<>(laidOut.size());
    keys.forEach(k -> spread.add(laidOut.get((int) k[1])));
    return List.copyOf(spread);
  }

  /**
   * The request body for one payload, as the original's {@code convertPayload} makes it: a string
   * that is JSON text is sent as it is, anything else as its JSON; falsy values send {@code null}.
   */
  public static String body(JsonNode payload) {
    if (!truthy(payload)) {
      return "null";
    }
    if (payload.isTextual()) {
      try {
        TunerJson.MAPPER.readTree(payload.asText());
        return payload.asText();
      } catch (JsonProcessingException e) {
        return payload.toString();
      }
    }
    return payload.toString();
  }

  private static double weight(JsonNode entry, String field) {
    JsonNode weight = entry.get("weight");
    if (!weight.isNumber() || weight.asDouble() <= 0 || !Double.isFinite(weight.asDouble())) {
      throw new InvalidInputException(field, "expected a positive number, got " + weight);
    }
    return weight.asDouble();
  }

  /** JavaScript truthiness of a JSON value. */
  private static boolean truthy(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return false;
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isNumber()) {
      return node.asDouble() != 0 && !Double.isNaN(node.asDouble());
    }
    if (node.isTextual()) {
      return !node.asText().isEmpty();
    }
    return true;
  }
}
