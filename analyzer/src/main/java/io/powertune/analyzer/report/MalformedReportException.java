package io.powertune.analyzer.report;

/** A REPORT record was found but lacks its Duration, so no measurement can be taken from it. */
public class MalformedReportException extends ReportParseException {
  private static final long serialVersionUID = 1L;

  public MalformedReportException(String record) {
    super("REPORT record without a Duration: " + abbreviate(record));
  }

  private static String abbreviate(String record) {
    String line = record.strip();
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }
}
