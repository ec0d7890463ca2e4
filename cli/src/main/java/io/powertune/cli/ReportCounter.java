package io.powertune.cli;

import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParseException;
import io.powertune.analyzer.report.ReportParser;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * Counts a function's invocations per memory size since a moment, from the REPORT records of its
 * log group (text or JSON), as Lambda and the platform write them: how far each size's measurement
 * has got. It reads the log at most once a second; when the log cannot be read (not written yet,
 * throttled, not allowed), the counts stay as they were.
 */
final class ReportCounter {

  /** How far back each read goes before the newest event seen: events arrive out of order. */
  private static final long LAG_MS = 10_000;

  private static final Duration EVERY = Duration.ofSeconds(1);

  private final CloudWatchLogsClient logs;
  private final String logGroup;
  private final Set<String> seen = new HashSet<>();
  private final Map<Integer, Integer> counts = new HashMap<>();
  private final long start;
  private long newest;
  private long lastRead;
  private boolean read;

  ReportCounter(CloudWatchLogsClient logs, String functionName, Instant since) {
    this.logs = logs;
    this.logGroup = "/aws/lambda/" + functionName;
    this.start = since.toEpochMilli();
    this.newest = start;
  }

  /** The invocations that reported so far, per memory size. */
  Map<Integer, Integer> counts() {
    long now = System.nanoTime();
    if (read && now - lastRead < EVERY.toNanos()) {
      return Map.copyOf(counts);
    }
    read = true;
    lastRead = now;
    long from = Math.max(start, newest - LAG_MS);
    try {
      for (FilteredLogEvent event :
          logs.filterLogEventsPaginator(
                  r ->
                      r.logGroupName(logGroup)
                          .startTime(from)
                          .filterPattern("?REPORT ?platform.report"))
              .events()) {
        if (seen.add(event.eventId())) {
          memoryOf(event.message()).ifPresent(m -> counts.merge(m, 1, Integer::sum));
          newest = Math.max(newest, event.timestamp());
        }
      }
    } catch (SdkException e) {
      // no log group yet, or the log cannot be read now: keep the counts
    }
    return Map.copyOf(counts);
  }

  private static OptionalInt memoryOf(String message) {
    try {
      Report report = ReportParser.parse(message);
      return report.memorySizeMb();
    } catch (ReportParseException e) {
      return OptionalInt.empty();
    }
  }
}
