package io.powertune.cli;

import io.powertune.visualizer.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code --format table|json|markdown}: how the report is printed. */
final class FormatOption {

  static final String FLAG = "--format";

  static final String DESCRIPTION =
      "How the report is printed: table (default), json (the result), or markdown (for"
          + " pull-request comments and CI job summaries).";

  private FormatOption() {}

  /**
   * Says where the files went: on standard output under a table, on standard error otherwise, so
   * that JSON and Markdown output can be piped as they are.
   */
  static void printPaths(List<Path> files, ReportFormat format, PrintWriter out, PrintWriter err) {
    PrintWriter target = format == ReportFormat.TABLE ? out : err;
    for (Path file : files) {
      target.println(label(file) + file);
    }
    target.flush();
  }

  private static String label(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".json") ? "result: " : name.endsWith(".png") ? "chart:  " : "report: ";
  }
}
