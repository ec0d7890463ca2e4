package io.powertune.platform.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.platform.http.AwsServiceException;
import io.powertune.platform.http.JsonMembers;
import java.util.Map;
import java.util.Set;

/**
 * What every CloudWatch Logs request is checked for before its operation runs, as AWS checks it:
 * each member of the right JSON type ({@code SerializationException} otherwise), and limits, enums,
 * event fields and filter patterns within their constraints ({@code InvalidParameterException}).
 */
final class LogsRequests {

  private static final JsonMembers TYPES =
      new JsonMembers(
          Set.of(
              "logGroupName",
              "logStreamName",
              "logGroupIdentifier",
              "logGroupNamePrefix",
              "logStreamNamePrefix",
              "logGroupNamePattern",
              "nextToken",
              "filterPattern",
              "orderBy",
              "kmsKeyId",
              "logGroupClass",
              "sequenceToken"),
          Set.of("startTime", "endTime", "limit", "retentionInDays"),
          Set.of("startFromHead", "descending", "interleaved"),
          Set.of("logEvents", "logStreamNames"));

  /** The largest {@code limit} each operation takes (the smallest is 1). */
  private static final Map<String, Integer> MAX_LIMIT =
      Map.of(
          "GetLogEvents", 10_000,
          "FilterLogEvents", 10_000,
          "DescribeLogGroups", 50,
          "DescribeLogStreams", 50);

  /** The members each operation cannot do without (a group may also be named by identifier). */
  private static final Map<String, java.util.List<String>> REQUIRED =
      Map.of(
          "CreateLogGroup", java.util.List.of("logGroupName"),
          "CreateLogStream", java.util.List.of("logGroupName", "logStreamName"),
          "DeleteLogGroup", java.util.List.of("logGroupName"),
          "PutRetentionPolicy", java.util.List.of("logGroupName", "retentionInDays"),
          "DeleteRetentionPolicy", java.util.List.of("logGroupName"),
          "PutLogEvents", java.util.List.of("logGroupName", "logStreamName", "logEvents"),
          "GetLogEvents", java.util.List.of("logGroupName", "logStreamName"),
          "FilterLogEvents", java.util.List.of("logGroupName"),
          "DescribeLogStreams", java.util.List.of("logGroupName"));

  private LogsRequests() {}

  static void check(String operation, ObjectNode body) {
    for (String member : REQUIRED.getOrDefault(operation, java.util.List.of())) {
      boolean named = member.equals("logGroupName") && body.hasNonNull("logGroupIdentifier");
      if (!body.hasNonNull(member) && !named) {
        throw missing(member);
      }
    }
    TYPES.check(body);
    Integer maxLimit = MAX_LIMIT.get(operation);
    if (maxLimit != null && body.has("limit")) {
      range("limit", body.get("limit").asLong(), 1, maxLimit);
    }
    String orderBy = body.path("orderBy").asText("LogStreamName");
    if (!orderBy.equals("LogStreamName") && !orderBy.equals("LastEventTime")) {
      throw LogsErrors.invalid(
          "1 validation error detected: Value '"
              + orderBy
              + "' at 'orderBy' failed to satisfy constraint: Member must satisfy enum value set:"
              + " [LogStreamName, LastEventTime]");
    }
    if (body.path("filterPattern").asText("").chars().filter(c -> c == '"').count() % 2 == 1) {
      throw LogsErrors.invalid("Invalid filter pattern: a quoted term is not closed.");
    }
    JsonNode events = body.path("logEvents");
    for (int i = 0; i < events.size(); i++) {
      JsonNode event = events.get(i);
      if (!event.path("timestamp").isIntegralNumber()) {
        throw missing("logEvents." + (i + 1) + ".member.timestamp");
      }
      if (!event.path("message").isTextual() || event.path("message").asText().isEmpty()) {
        throw missing("logEvents." + (i + 1) + ".member.message");
      }
    }
  }

  private static void range(String member, long value, long min, long max) {
    if (value < min || value > max) {
      throw LogsErrors.invalid(
          "1 validation error detected: Value '"
              + value
              + "' at '"
              + member
              + "' failed to satisfy constraint: Member must have value "
              + (value < min ? "greater than or equal to " + min : "less than or equal to " + max));
    }
  }

  private static AwsServiceException missing(String member) {
    return LogsErrors.invalid(
        "1 validation error detected: Value null at '"
            + member
            + "' failed to satisfy constraint: Member must not be null");
  }
}
