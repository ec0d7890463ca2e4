package io.powertune.analyzer.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the REPORT record in the tail of a Lambda invocation's log, as {@code Invoke} with {@code
 * LogType=Tail} returns it (base64 of the last 4 KB). Text and JSON formats, possibly mixed,
 * possibly cut off at the start. When the tail holds several REPORT records, the last one is the
 * invocation's own.
 */
public final class ReportParser {

  private ReportParser() {}

  /**
   * Parses a decoded log tail.
   *
   * @throws NoReportException when the tail holds no REPORT record
   * @throws MalformedReportException when the last REPORT record has no Duration
   */
  public static Report parse(String logTail) {
    List<FoundReport> found = new ArrayList<>(TextReportReader.read(logTail));
    found.addAll(JsonReportReader.read(logTail));
    FoundReport last =
        found.stream()
            .max(Comparator.comparingInt(FoundReport::position))
            .orElseThrow(() -> new NoReportException(logTail.length()));
    return last.report().orElseThrow(() -> new MalformedReportException(last.raw()));
  }

  /** Parses the base64 {@code LogResult} of an Invoke response. */
  public static Report parseLogResult(String base64LogResult) {
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(base64LogResult == null ? "" : base64LogResult);
    } catch (IllegalArgumentException e) {
      throw new ReportParseException("LogResult is not valid base64: " + e.getMessage());
    }
    return parse(new String(bytes, StandardCharsets.UTF_8));
  }
}
