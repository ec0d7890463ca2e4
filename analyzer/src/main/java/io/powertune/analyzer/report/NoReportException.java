package io.powertune.analyzer.report;

/**
 * The log tail holds no REPORT record at all, neither a text line nor a JSON {@code
 * platform.report}.
 */
public class NoReportException extends ReportParseException {
  private static final long serialVersionUID = 1L;

  public NoReportException(int tailLength) {
    super(
        "the log tail ("
            + tailLength
            + " characters) holds no REPORT record; invoke with LogType=Tail and make sure the"
            + " function's logs are not redirected elsewhere");
  }
}
