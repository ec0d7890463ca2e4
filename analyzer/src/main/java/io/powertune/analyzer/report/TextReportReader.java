package io.powertune.analyzer.report;

import io.powertune.analyzer.report.ReportFields.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads text-format REPORT lines ({@code REPORT RequestId: ...\tDuration: 1.23 ms\t...}). Unlike
 * the original's regexes it accepts integers or decimals, tabs or spaces between fields, and fields
 * in any order.
 */
final class TextReportReader {

  private static final Pattern REPORT_LINE = Pattern.compile("(?m)REPORT RequestId:[^\\r\\n]*");
  private static final Pattern REQUEST_ID = Pattern.compile("RequestId:\\s*([0-9A-Za-z-]+)");
  private static final Pattern METRIC =
      Pattern.compile(
          "(?<![A-Za-z])(Billed Restore Duration|Restore Duration|Init Duration|Billed Duration"
              + "|Duration|Memory Size|Max Memory Used|CPU Wait):\\s*(\\d+(?:\\.\\d+)?)\\s*(?:ms|MB)");
  private static final Pattern STATUS = Pattern.compile("(?<![A-Za-z])Status:\\s*([A-Za-z.]+)");
  private static final Pattern CPU_SCALING = Pattern.compile("CPU Scaling:\\s*([A-Za-z]+)");
  private static final Pattern CONTENDED = Pattern.compile("Contended:\\s*true");
  private static final Pattern ERROR_TYPE = Pattern.compile("Error Type:\\s*([A-Za-z0-9_.:-]+)");

  private static final Map<String, Metric> LABELS =
      Map.of(
          "Duration", Metric.DURATION,
          "Billed Duration", Metric.BILLED_DURATION,
          "Memory Size", Metric.MEMORY_SIZE,
          "Max Memory Used", Metric.MAX_MEMORY_USED,
          "Init Duration", Metric.INIT_DURATION,
          "Restore Duration", Metric.RESTORE_DURATION,
          "Billed Restore Duration", Metric.BILLED_RESTORE_DURATION,
          "CPU Wait", Metric.CPU_WAIT);

  private TextReportReader() {}

  static List<FoundReport> read(String tail) {
    List<FoundReport> found = new ArrayList<>();
    Matcher line = REPORT_LINE.matcher(tail);
    while (line.find()) {
      found.add(new FoundReport(line.start(), fieldsOf(line.group()).build(), line.group()));
    }
    return found;
  }

  private static ReportFields fieldsOf(String line) {
    ReportFields fields = new ReportFields();
    Matcher id = REQUEST_ID.matcher(line);
    if (id.find()) {
      fields.requestId(id.group(1));
    }
    Matcher metric = METRIC.matcher(line);
    while (metric.find()) {
      fields.put(LABELS.get(metric.group(1)), Double.parseDouble(metric.group(2)));
    }
    Matcher status = STATUS.matcher(line);
    if (status.find()) {
      fields.status(status.group(1));
    }
    Matcher cpuScaling = CPU_SCALING.matcher(line);
    if (cpuScaling.find()) {
      fields.cpuScaling(cpuScaling.group(1));
    }
    fields.contended(CONTENDED.matcher(line).find());
    Matcher errorType = ERROR_TYPE.matcher(line);
    if (errorType.find()) {
      fields.errorType(errorType.group(1));
    }
    return fields;
  }
}
