package io.powertune.platform.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.platform.http.JsonProtocol;
import io.powertune.platform.store.LogEvent;
import io.powertune.platform.store.LogStore;
import io.powertune.platform.store.LogStore.Scope;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** GetLogEvents and FilterLogEvents: paging through stored events with opaque tokens. */
final class LogEventsQuery {

  private static final int PAGE = 1000;

  private final LogStore store;

  LogEventsQuery(LogStore store) {
    this.store = store;
  }

  /** A page of events holds at most 1 MiB, counted as PutLogEvents counts (26 bytes per event). */
  static final long MAX_PAGE_BYTES = 1_048_576;

  private static long size(LogEvent e) {
    return e.message().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 26L;
  }

  /**
   * The page cut to 1 MiB (at least one event): the oldest events kept when reading forward, the
   * newest when reading backward.
   */
  private static List<LogEvent> withinPageBytes(List<LogEvent> page, boolean keepNewest) {
    long bytes = 0;
    int kept = 0;
    for (int i = 0; i < page.size(); i++) {
      LogEvent e = page.get(keepNewest ? page.size() - 1 - i : i);
      if (kept > 0 && bytes + size(e) > MAX_PAGE_BYTES) {
        break;
      }
      bytes += size(e);
      kept++;
    }
    return keepNewest ? page.subList(page.size() - kept, page.size()) : page.subList(0, kept);
  }

  /**
   * GetLogEvents. Tokens are {@code f/<id>} (events after id) and {@code b/<id>} (events before
   * id); at the end the token sent comes back unchanged, as AWS does.
   */
  JsonNode get(Scope scope, String group, ObjectNode body) {
    String stream = body.path("logStreamName").asText("");
    if (!store.streamExists(scope, group, stream)) {
      throw LogsErrors.streamNotFound();
    }
    int limit = Math.min(Math.max(body.path("limit").asInt(10_000), 1), 10_000);
    long start = body.path("startTime").asLong(0);
    long end = body.has("endTime") ? body.path("endTime").asLong() : Long.MAX_VALUE;
    String token = body.path("nextToken").asText("");
    boolean forward =
        token.startsWith("f/") || (token.isEmpty() && body.path("startFromHead").asBoolean(false));
    long tokenId = token.isEmpty() ? -1 : parseId(token);
    long after = forward && tokenId >= 0 ? tokenId : 0;
    long before = !forward && tokenId >= 0 ? tokenId : Long.MAX_VALUE;
    List<LogEvent> page =
        withinPageBytes(
            store.events(scope, group, stream, after, before, start, end, limit, !forward),
            !forward);
    ObjectNode result = JsonProtocol.MAPPER.createObjectNode();
    ArrayNode array = result.putArray("events");
    for (LogEvent e : page) {
      array
          .addObject()
          .put("timestamp", e.timestamp())
          .put("message", e.message())
          .put("ingestionTime", e.ingestionTime());
    }
    long first = page.isEmpty() ? (tokenId >= 0 ? tokenId : after) : page.get(0).id();
    long last = page.isEmpty() ? (tokenId >= 0 ? tokenId : after) : page.get(page.size() - 1).id();
    result.put(
        "nextForwardToken", page.isEmpty() && forward ? orEmpty(token, "f/" + last) : "f/" + last);
    result.put(
        "nextBackwardToken",
        page.isEmpty() && !forward ? orEmpty(token, "b/" + first) : "b/" + first);
    return result;
  }

  /**
   * FilterLogEvents over the group's streams, in timestamp order; {@code nextToken} is the cursor
   * {@code <timestamp>/<id>} of the last event examined.
   */
  JsonNode filter(Scope scope, String group, ObjectNode body) {
    Set<String> names = new HashSet<>();
    body.path("logStreamNames").forEach(n -> names.add(n.asText()));
    String prefix = body.path("logStreamNamePrefix").asText("");
    FilterPattern pattern = FilterPattern.parse(body.path("filterPattern").asText(""));
    int limit = Math.min(Math.max(body.path("limit").asInt(10_000), 1), 10_000);
    long start = body.path("startTime").asLong(0);
    long end = body.has("endTime") ? body.path("endTime").asLong() : Long.MAX_VALUE;
    long[] cursor = cursor(body.path("nextToken").asText(""), start);
    ObjectNode result = JsonProtocol.MAPPER.createObjectNode();
    ArrayNode array = result.putArray("events");
    boolean more = true;
    long bytes = 0;
    pages:
    while (array.size() < limit && more) {
      List<LogEvent> page =
          store.eventsByTime(scope, group, cursor[0], cursor[1], start, end, PAGE);
      more = page.size() == PAGE;
      for (LogEvent e : page) {
        boolean matches =
            (names.isEmpty() || names.contains(e.stream()))
                && e.stream().startsWith(prefix)
                && pattern.matches(e.message());
        if (matches && !array.isEmpty() && bytes + size(e) > MAX_PAGE_BYTES) {
          more = true; // the page is full: this event starts the next one
          break pages;
        }
        cursor = new long[] {e.timestamp(), e.id()};
        if (matches) {
          bytes += size(e);
          array
              .addObject()
              .put("logStreamName", e.stream())
              .put("timestamp", e.timestamp())
              .put("message", e.message())
              .put("ingestionTime", e.ingestionTime())
              .put("eventId", Long.toString(e.id()));
          if (array.size() == limit) {
            more = more || e != page.get(page.size() - 1);
            break;
          }
        }
      }
    }
    if (more) {
      result.put("nextToken", cursor[0] + "/" + cursor[1]);
    }
    boolean complete = !more;
    ArrayNode searched = result.putArray("searchedLogStreams");
    store.streams(scope, group).stream()
        .filter(s -> (names.isEmpty() || names.contains(s.name())) && s.name().startsWith(prefix))
        .forEach(
            s ->
                searched
                    .addObject()
                    .put("logStreamName", s.name())
                    .put("searchedCompletely", complete));
    return result;
  }

  /** The cursor of a FilterLogEvents token, or one before the first event at {@code start}. */
  private static long[] cursor(String token, long start) {
    if (token.isEmpty()) {
      return new long[] {start - 1, Long.MAX_VALUE};
    }
    String[] parts = token.split("/");
    try {
      return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw LogsErrors.invalid("The specified nextToken is invalid.");
    }
  }

  private static String orEmpty(String token, String fallback) {
    return token.isEmpty() ? fallback : token;
  }

  /** The event id in a GetLogEvents token ({@code f/<id>} or {@code b/<id>}). */
  private static long parseId(String token) {
    if (token.startsWith("f/") || token.startsWith("b/")) {
      try {
        long id = Long.parseLong(token.substring(2));
        if (id >= 0) {
          return id;
        }
      } catch (NumberFormatException e) {
        // not one of ours
      }
    }
    throw LogsErrors.invalid("The specified nextToken is invalid.");
  }
}
