package io.powertune.analyzer.report;

/** A log tail from which no usable REPORT record could be read. */
public class ReportParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReportParseException(String message) {
    super(message);
  }
}
