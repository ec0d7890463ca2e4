package io.powertune.cli;

import io.powertune.analyzer.tuning.TuningAnalysis;
import io.powertune.analyzer.tuning.TuningResults;
import io.powertune.visualizer.RegressionGate;
import io.powertune.visualizer.ReportFormat;
import io.powertune.visualizer.TerminalReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** What {@code tune} prints and writes once the execution has ended, and its exit code. */
final class TuneReport {

  /**
   * A run to compare with, for the CI gate.
   *
   * @param result the baseline's result
   * @param maxRegression the worsening allowed, as a share
   */
  record Baseline(TuningAnalysis result, double maxRegression) {}

  private final PrintWriter out;
  private final PrintWriter err;
  private final ReportFormat format;

  TuneReport(PrintWriter out, PrintWriter err, ReportFormat format) {
    this.out = out;
    this.err = err;
    this.format = format;
  }

  /**
   * Prints the report and writes result.json, chart.png and report.html, or prints why the run
   * failed; then checks the baseline, if any.
   *
   * @param published whether the run got as far as publishing versions
   * @param folder the {@code --out} folder, or null for a new one named {@code name} under
   *     ./powertune-results
   * @return the exit code
   */
  int print(
      DescribeExecutionResponse execution,
      Optional<String> contention,
      boolean published,
      Path folder,
      String name,
      Optional<Baseline> baseline)
      throws IOException {
    if (execution.status() != ExecutionStatus.SUCCEEDED) {
      FailureCause cause = FailureCause.of(execution);
      err.println("powertune: " + cause.describe());
      err.flush();
      return cause.invalidInput() && !published ? ExitCodes.INVALID_INPUT : ExitCodes.TUNING_FAILED;
    }
    Path dir =
        folder != null
            ? Files.createDirectories(folder)
            : ReportFiles.claim(Path.of("powertune-results"), name);
    var output = JsonInput.parse(execution.output(), "output");
    if (output.isNull()) {
      Path file = Files.writeString(dir.resolve("result.json"), "null\n");
      (format == ReportFormat.TABLE ? out : err)
          .println("dry run: every size was published and invoked once; nothing was analysed");
      FormatOption.printPaths(List.of(file), ReportFormat.TABLE, out, err);
      return ExitCodes.OK;
    }
    TuningAnalysis result = TuningResults.read(output, "the execution's output");
    if (contention.isPresent()) {
      result = result.withContention(contention.get());
    }
    List<Path> files = ReportFiles.write(result, dir);
    out.print(TerminalReport.render(result, format));
    out.flush();
    FormatOption.printPaths(files, format, out, err);
    return baseline.isPresent() ? gate(baseline.get(), result) : ExitCodes.OK;
  }

  private int gate(Baseline baseline, TuningAnalysis result) {
    List<String> regressions =
        RegressionGate.check(baseline.result(), result, baseline.maxRegression());
    for (String regression : regressions) {
      err.println("powertune: regression: " + regression);
    }
    if (regressions.isEmpty()) {
      err.println(
          "powertune: no regression beyond the runs' noise and the allowed "
              + Math.round(baseline.maxRegression() * 100)
              + "% against the baseline");
    }
    err.flush();
    return regressions.isEmpty() ? ExitCodes.OK : ExitCodes.REGRESSION;
  }
}
