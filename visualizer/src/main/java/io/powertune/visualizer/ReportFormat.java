package io.powertune.visualizer;

/** How the terminal report is written. */
public enum ReportFormat {
  /** Aligned columns for a terminal. */
  TABLE,
  /** The result itself, as JSON. */
  JSON,
  /** A Markdown table, for pull-request comments and CI job summaries. */
  MARKDOWN
}
