package io.powertune.cli;

import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParseException;
import io.powertune.analyzer.report.ReportParser;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Counts a function's invocations per memory size since a moment, from the REPORT records of its
 * log group (text or JSON), as Lambda and the platform write them: the live progress of a tuning.
 */
final class ReportCounter {

  private final CloudWatchLogsClient logs;
  private final String logGroup;
  private final Set<String> seen = new HashSet<>();
  private final Map<Integer, Integer> counts = new HashMap<>();
  private long since;

  ReportCounter(CloudWatchLogsClient logs, String functionName, Instant since) {
    this.logs = logs;
    this.logGroup = "/aws/lambda/" + functionName;
    this.since = since.toEpochMilli();
  }

  /** The invocations that reported so far, per memory size. */
  Map<Integer, Integer> counts() {
    try {
      long from = since;
      for (FilteredLogEvent event :
          logs.filterLogEventsPaginator(
                  r ->
                      r.logGroupName(logGroup)
                          .startTime(from)
                          .filterPattern("?REPORT ?platform.report"))
              .events()) {
        if (seen.add(event.eventId())) {
          memoryOf(event.message()).ifPresent(m -> counts.merge(m, 1, Integer::sum));
          since = Math.max(since, event.timestamp());
        }
      }
    } catch (ResourceNotFoundException e) {
      // the function has not run yet: no log group
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
