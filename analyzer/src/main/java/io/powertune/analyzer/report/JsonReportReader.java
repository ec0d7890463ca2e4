package io.powertune.analyzer.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.analyzer.report.ReportFields.Metric;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads Lambda's JSON log format: {@code platform.report} records, one per line, pretty-printed, or
 * in an array. A tail cut off in the middle of a record is fine: every line that starts a JSON
 * value is tried, and the pieces that do not parse are skipped. Warm reports without {@code
 * initDurationMs} are read like any other.
 */
final class JsonReportReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String REPORT_TYPE = "platform.report";
  private static final Map<String, Metric> METRICS =
      Map.of(
          "durationMs", Metric.DURATION,
          "billedDurationMs", Metric.BILLED_DURATION,
          "memorySizeMB", Metric.MEMORY_SIZE,
          "maxMemoryUsedMB", Metric.MAX_MEMORY_USED,
          "initDurationMs", Metric.INIT_DURATION,
          "restoreDurationMs", Metric.RESTORE_DURATION,
          "billedRestoreDurationMs", Metric.BILLED_RESTORE_DURATION,
          "cpuWaitMs", Metric.CPU_WAIT);

  private JsonReportReader() {}

  static List<FoundReport> read(String tail) {
    List<FoundReport> found = new ArrayList<>();
    if (!tail.contains(REPORT_TYPE)) {
      return found;
    }
    int lineStart = 0;
    while (lineStart < tail.length()) {
      int valueStart = firstNonBlank(tail, lineStart);
      int next = nextLine(tail, lineStart);
      if (valueStart < next && isValueStart(tail.charAt(valueStart))) {
        int end = readValue(tail, valueStart, found);
        if (end > valueStart) {
          next = Math.max(next, nextLine(tail, end - 1));
        }
      }
      lineStart = next;
    }
    return found;
  }

  /**
   * Parses one JSON value at {@code start}; returns the offset after it, or -1 if it does not
   * parse.
   */
  private static int readValue(String tail, int start, List<FoundReport> found) {
    try (JsonParser parser = MAPPER.getFactory().createParser(tail.substring(start))) {
      JsonNode node = parser.readValueAsTree();
      if (node == null) {
        return -1;
      }
      int end = start + (int) parser.currentLocation().getCharOffset();
      collect(node, start, tail.substring(start, end), found);
      return end;
    } catch (JsonProcessingException e) {
      return -1;
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
  }

  private static void collect(JsonNode node, int position, String raw, List<FoundReport> found) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), position + i, raw, found);
      }
    } else if (node.isObject() && REPORT_TYPE.equals(node.path("type").asText())) {
      found.add(new FoundReport(position, fieldsOf(node.path("record")).build(), raw));
    }
  }

  private static ReportFields fieldsOf(JsonNode record) {
    ReportFields fields = new ReportFields();
    JsonNode metrics = record.path("metrics");
    METRICS.forEach(
        (name, metric) -> {
          JsonNode value = metrics.path(name);
          if (value.isNumber() || isNumericText(value)) {
            fields.put(metric, value.asDouble());
          }
        });
    textOf(record, "requestId", fields::requestId);
    textOf(record, "status", fields::status);
    textOf(record, "errorType", fields::errorType);
    textOf(record, "cpuScaling", fields::cpuScaling);
    fields.contended(record.path("contended").asBoolean(false));
    return fields;
  }

  private static void textOf(JsonNode record, String name, Consumer<String> to) {
    JsonNode value = record.path(name);
    if (value.isTextual()) {
      to.accept(value.asText());
    }
  }

  private static boolean isNumericText(JsonNode value) {
    return value.isTextual() && value.asText().matches("\\d+(\\.\\d+)?");
  }

  private static boolean isValueStart(char c) {
    return c == '{' || c == '[';
  }

  private static int firstNonBlank(String s, int from) {
    int i = from;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static int nextLine(String s, int from) {
    int newline = s.indexOf('\n', from);
    return newline < 0 ? s.length() : newline + 1;
  }
}
