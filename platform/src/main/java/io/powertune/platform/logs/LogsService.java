package io.powertune.platform.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.platform.http.AwsRequest;
import io.powertune.platform.http.AwsResponse;
import io.powertune.platform.http.AwsService;
import io.powertune.platform.http.AwsServiceException;
import io.powertune.platform.http.JsonProtocol;
import io.powertune.platform.store.LogGroupInfo;
import io.powertune.platform.store.LogStore;
import io.powertune.platform.store.LogStore.Scope;
import io.powertune.platform.store.LogStreamInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** The CloudWatch Logs API (awsJson 1.1, {@code X-Amz-Target: Logs_20140328.<Op>}). */
public final class LogsService implements AwsService {

  private static final String TARGET_PREFIX = "Logs_20140328.";
  private static final Pattern GROUP_NAME = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");
  private static final long TWO_HOURS = 2 * 3600_000L;
  private static final long FOURTEEN_DAYS = 14 * 86_400_000L;

  private final JsonProtocol protocol = new JsonProtocol("1.1");
  private static final int MAX_BATCH_EVENTS = 10_000;
  private static final long MAX_BATCH_BYTES = 1_048_576;

  private final LogStore store;
  private final Clock clock;
  private final LogEventsQuery events;

  public LogsService(LogStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.events = new LogEventsQuery(store);
  }

  @Override
  public String signingName() {
    return "logs";
  }

  @Override
  public boolean accepts(String path, String target) {
    return target != null && target.startsWith(TARGET_PREFIX);
  }

  /** A PutLogEvents batch holds at most 1 MiB of events; its JSON body, a few times that. */
  @Override
  public int maxRequestBytes() {
    return 5 * 1024 * 1024;
  }

  @Override
  public AwsResponse error(AwsServiceException error, String requestId) {
    return protocol.error(error);
  }

  @Override
  public AwsResponse handle(AwsRequest request) {
    ObjectNode body = JsonProtocol.body(request);
    Scope scope = new Scope(request.account(), request.region());
    String operation = JsonProtocol.operation(request);
    LogsRequests.check(operation, body);
    JsonNode result =
        switch (operation) {
          case "CreateLogGroup" -> createLogGroup(scope, body);
          case "CreateLogStream" -> createLogStream(scope, body);
          case "DeleteLogGroup" -> deleteLogGroup(scope, body);
          case "PutRetentionPolicy" -> putRetentionPolicy(scope, body);
          case "DeleteRetentionPolicy" -> retention(scope, body, 0);
          case "PutLogEvents" -> putLogEvents(scope, body);
          case "DescribeLogGroups" -> describeLogGroups(scope, body, request.region());
          case "DescribeLogStreams" -> describeLogStreams(scope, body, request.region());
          case "GetLogEvents" -> events.get(scope, existingGroup(scope, body), body);
          case "FilterLogEvents" -> events.filter(scope, existingGroup(scope, body), body);
          default -> throw LogsErrors.unknownOperation(operation);
        };
    return protocol.ok(result);
  }

  private JsonNode createLogGroup(Scope scope, ObjectNode body) {
    String name = body.path("logGroupName").asText("");
    if (!GROUP_NAME.matcher(name).matches()) {
      throw LogsErrors.invalid(
          "1 validation error detected: Value '"
              + name
              + "' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular"
              + " expression pattern: [\\.\\-_/#A-Za-z0-9]+");
    }
    if (name.startsWith("aws/")) {
      throw LogsErrors.invalid(
          "Log group names starting with 'aws/' are reserved for AWS services: " + name);
    }
    if (!store.createGroup(scope, name, clock.millis())) {
      throw LogsErrors.groupExists();
    }
    return JsonProtocol.MAPPER.createObjectNode();
  }

  private JsonNode deleteLogGroup(Scope scope, ObjectNode body) {
    if (!store.deleteGroup(scope, body.path("logGroupName").asText(""))) {
      throw LogsErrors.groupNotFound();
    }
    return JsonProtocol.MAPPER.createObjectNode();
  }

  /** The retention periods CloudWatch Logs accepts, in days. */
  private static final java.util.Set<Integer> RETENTION_DAYS =
      java.util.Set.of(
          1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557,
          2922, 3288, 3653);

  private JsonNode putRetentionPolicy(Scope scope, ObjectNode body) {
    int days = body.path("retentionInDays").asInt(-1);
    if (!RETENTION_DAYS.contains(days)) {
      throw LogsErrors.invalid(
          "1 validation error detected: Value '"
              + body.path("retentionInDays").asText()
              + "' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum"
              + " value set: "
              + RETENTION_DAYS.stream().sorted().toList());
    }
    return retention(scope, body, days);
  }

  /**
   * Sets the retention a group reports; the platform keeps its events regardless (its store is the
   * user's disk, not a bill).
   */
  private JsonNode retention(Scope scope, ObjectNode body, int days) {
    if (!store.setRetention(scope, body.path("logGroupName").asText(""), days)) {
      throw LogsErrors.groupNotFound();
    }
    return JsonProtocol.MAPPER.createObjectNode();
  }

  private JsonNode createLogStream(Scope scope, ObjectNode body) {
    String group = existingGroup(scope, body);
    String stream = body.path("logStreamName").asText("");
    if (stream.isEmpty() || stream.contains(":") || stream.contains("*") || stream.length() > 512) {
      throw LogsErrors.invalid(
          "1 validation error detected: Value '"
              + stream
              + "' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular"
              + " expression pattern: [^:*]*");
    }
    if (!store.createStream(scope, group, stream, clock.millis())) {
      throw LogsErrors.streamExists();
    }
    return JsonProtocol.MAPPER.createObjectNode();
  }

  /** DescribeLogStreams' token: the index of the next stream. */
  private static int streamsToken(String token) {
    if (token.isEmpty()) {
      return 0;
    }
    try {
      int from = Integer.parseInt(token);
      if (from >= 0) {
        return from;
      }
    } catch (NumberFormatException e) {
      // not one of ours
    }
    throw LogsErrors.invalid("The specified nextToken is invalid.");
  }

  /** PutLogEvents' limits: 1 to 10,000 events, at most 1 MiB counting 26 bytes per event. */
  private static void checkBatch(JsonNode logEvents) {
    if (!logEvents.isArray() || logEvents.isEmpty() || logEvents.size() > MAX_BATCH_EVENTS) {
      throw LogsErrors.invalid(
          "1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member"
              + " must have length less than or equal to "
              + MAX_BATCH_EVENTS
              + " and greater than or equal to 1");
    }
    long bytes = 0;
    for (JsonNode event : logEvents) {
      bytes += event.path("message").asText("").getBytes(StandardCharsets.UTF_8).length + 26;
    }
    if (bytes > MAX_BATCH_BYTES) {
      throw LogsErrors.invalid(
          "Upload too large: " + bytes + " bytes exceeds limit of " + MAX_BATCH_BYTES);
    }
  }

  private JsonNode putLogEvents(Scope scope, ObjectNode body) {
    String group = existingGroup(scope, body);
    String stream = body.path("logStreamName").asText("");
    if (!store.streamExists(scope, group, stream)) {
      throw LogsErrors.streamNotFound();
    }
    long now = clock.millis();
    List<LogStore.NewEvent> accepted = new ArrayList<>();
    ObjectNode result = JsonProtocol.MAPPER.createObjectNode();
    ObjectNode rejected = JsonProtocol.MAPPER.createObjectNode();
    JsonNode logEvents = body.path("logEvents");
    checkBatch(logEvents);
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < logEvents.size(); i++) {
      long timestamp = logEvents.get(i).path("timestamp").asLong();
      if (timestamp < previous) {
        throw LogsErrors.invalid(
            "Log events in a single PutLogEvents request must be in chronological order.");
      }
      previous = timestamp;
      if (timestamp > now + TWO_HOURS) {
        rejected.putIfAbsent("tooNewLogEventStartIndex", JsonProtocol.MAPPER.valueToTree(i));
      } else if (timestamp < now - FOURTEEN_DAYS) {
        rejected.put("tooOldLogEventEndIndex", i);
      } else {
        accepted.add(new LogStore.NewEvent(timestamp, logEvents.get(i).path("message").asText()));
      }
    }
    store.append(scope, group, stream, accepted, now, false);
    if (!rejected.isEmpty()) {
      result.set("rejectedLogEventsInfo", rejected);
    }
    return result;
  }

  private JsonNode describeLogGroups(Scope scope, ObjectNode body, String region) {
    int limit = Math.min(Math.max(body.path("limit").asInt(50), 1), 50);
    String prefix = body.path("logGroupNamePrefix").asText("");
    String after = body.path("nextToken").asText("");
    List<LogGroupInfo> groups = store.groups(scope, prefix, after, limit + 1);
    ObjectNode result = JsonProtocol.MAPPER.createObjectNode();
    ArrayNode array = result.putArray("logGroups");
    for (LogGroupInfo group : groups.subList(0, Math.min(limit, groups.size()))) {
      String arn = "arn:aws:logs:" + region + ":" + scope.account() + ":log-group:" + group.name();
      array
          .addObject()
          .put("logGroupName", group.name())
          .put("creationTime", group.creationTime())
          .put("metricFilterCount", 0)
          .put("arn", arn + ":*")
          .put("logGroupArn", arn)
          .put("storedBytes", group.storedBytes())
          .put("logGroupClass", "STANDARD");
      if (group.retentionInDays() > 0) {
        ((ObjectNode) array.get(array.size() - 1)).put("retentionInDays", group.retentionInDays());
      }
    }
    if (groups.size() > limit) {
      result.put("nextToken", groups.get(limit - 1).name());
    }
    return result;
  }

  private JsonNode describeLogStreams(Scope scope, ObjectNode body, String region) {
    String group = existingGroup(scope, body);
    String prefix = body.path("logStreamNamePrefix").asText("");
    boolean byTime = body.path("orderBy").asText("LogStreamName").equals("LastEventTime");
    if (byTime && !prefix.isEmpty()) {
      throw LogsErrors.invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
    }
    Comparator<LogStreamInfo> order =
        byTime
            ? Comparator.comparingLong(LogStreamInfo::lastEventTimestamp)
            : Comparator.comparing(LogStreamInfo::name);
    if (body.path("descending").asBoolean(false)) {
      order = order.reversed();
    }
    List<LogStreamInfo> streams =
        store.streams(scope, group).stream()
            .filter(s -> s.name().startsWith(prefix))
            .sorted(order)
            .toList();
    int limit = Math.min(Math.max(body.path("limit").asInt(50), 1), 50);
    int from = streamsToken(body.path("nextToken").asText(""));
    int to = Math.min(from + limit, streams.size());
    ObjectNode result = JsonProtocol.MAPPER.createObjectNode();
    ArrayNode array = result.putArray("logStreams");
    for (LogStreamInfo s : streams.subList(Math.min(from, to), to)) {
      ObjectNode node =
          array
              .addObject()
              .put("logStreamName", s.name())
              .put("creationTime", s.creationTime())
              .put(
                  "arn",
                  "arn:aws:logs:"
                      + region
                      + ":"
                      + scope.account()
                      + ":log-group:"
                      + group
                      + ":log-stream:"
                      + s.name())
              .put("storedBytes", s.storedBytes());
      if (s.lastIngestionTime() > 0) {
        node.put("firstEventTimestamp", s.firstEventTimestamp())
            .put("lastEventTimestamp", s.lastEventTimestamp())
            .put("lastIngestionTime", s.lastIngestionTime());
      }
    }
    if (to < streams.size()) {
      result.put("nextToken", Integer.toString(to));
    }
    return result;
  }

  private String existingGroup(Scope scope, ObjectNode body) {
    String group = body.path("logGroupName").asText(null);
    if (group == null) {
      String identifier = body.path("logGroupIdentifier").asText("");
      group =
          identifier.contains(":log-group:")
              ? identifier
                  .substring(identifier.indexOf(":log-group:") + 11)
                  .replaceFirst(":\\*$", "")
              : identifier;
    }
    if (!store.groupExists(scope, group)) {
      throw LogsErrors.groupNotFound();
    }
    return group;
  }
}
