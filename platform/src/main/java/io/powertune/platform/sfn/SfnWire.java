package io.powertune.platform.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.platform.http.AwsServiceException;
import io.powertune.platform.http.JsonMembers;
import io.powertune.platform.http.JsonProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** Step Functions response shapes: timestamps in epoch seconds, pages with tokens. */
final class SfnWire {

  private SfnWire() {}

  static ObjectNode object() {
    return JsonProtocol.MAPPER.createObjectNode();
  }

  /** Epoch seconds with milliseconds, as the SDK reads them. */
  static BigDecimal seconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
  }

  static JsonNode parse(String json) {
    try {
      return JsonProtocol.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final JsonMembers TYPES =
      new JsonMembers(
          java.util.Set.of(
              "name",
              "definition",
              "roleArn",
              "type",
              "stateMachineArn",
              "executionArn",
              "input",
              "nextToken",
              "statusFilter",
              "error",
              "cause",
              "traceHeader",
              "versionDescription"),
          java.util.Set.of("maxResults"),
          java.util.Set.of("reverseOrder", "includeExecutionData", "publish"),
          java.util.Set.of());

  /**
   * Checks that each member has its JSON type, as AWS's deserializer does before the operation
   * runs.
   *
   * @throws io.powertune.platform.http.AwsServiceException SerializationException naming it
   */
  static void checkTypes(JsonNode body) {
    TYPES.check(body);
  }

  /** The page size: {@code maxResults} (0 or absent: {@code fallback}), at most 1000. */
  static int pageSize(JsonNode body, int fallback) {
    int max = body.path("maxResults").asInt(0);
    if (max < 0) {
      throw SfnErrors.validation(
          "1 validation error detected: Value '"
              + max
              + "' at 'maxResults' failed to satisfy constraint: Member must have value greater"
              + " than or equal to 0");
    }
    if (max > 1000) {
      throw SfnErrors.validation(
          "1 validation error detected: Value '"
              + max
              + "' at 'maxResults' failed to satisfy constraint: Member must have value less than"
              + " or equal to 1000");
    }
    return max <= 0 ? fallback : max;
  }

  /** Where a page starts: the offset in {@code nextToken}, or 0. */
  static int offset(JsonNode body) {
    String token = body.path("nextToken").asText("");
    if (token.isEmpty()) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith("offset:")) {
        throw new IllegalArgumentException(text);
      }
      return Integer.parseInt(text.substring("offset:".length()));
    } catch (IllegalArgumentException e) {
      throw new AwsServiceException("InvalidToken", 400, "Invalid Token: '" + token + "'");
    }
  }

  /** Adds one page of {@code items} to {@code out} under {@code key}, and its nextToken. */
  static <T> void page(
      ObjectNode out,
      String key,
      List<T> items,
      int offset,
      int size,
      Function<T, JsonNode> shape) {
    ArrayNode array = out.putArray(key);
    int end = Math.min(items.size(), offset + size);
    for (int i = offset; i < end; i++) {
      array.add(shape.apply(items.get(i)));
    }
    if (end < items.size()) {
      out.put(
          "nextToken",
          Base64.getUrlEncoder()
              .encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8)));
    }
  }
}
