package io.powertune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** What {@code tune} prints and writes once the execution has ended, and its exit code. */
final class TuneReport {

  private final PrintWriter out;
  private final PrintWriter err;

  TuneReport(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /**
   * Prints the result and writes {@code result.json} (the execution's output, plus {@code
   * contention} when the host was measured busy), or prints why the run failed.
   *
   * @param published whether the run got as far as publishing versions
   * @return the exit code
   */
  int print(
      DescribeExecutionResponse execution, Optional<String> contention, boolean published, Path dir)
      throws IOException {
    if (execution.status() != ExecutionStatus.SUCCEEDED) {
      FailureCause cause = FailureCause.of(execution);
      err.println("powertune: " + cause.describe());
      err.flush();
      return cause.invalidInput() && !published ? ExitCodes.INVALID_INPUT : ExitCodes.TUNING_FAILED;
    }
    Files.createDirectories(dir);
    JsonNode result = JsonInput.parse(execution.output(), "output");
    if (result.isObject() && contention.isPresent()) {
      ((ObjectNode) result).put("contention", contention.get());
    }
    Path file = dir.resolve("result.json");
    Files.writeString(file, JsonOutput.write(result) + "\n");
    if (result.isNull()) {
      out.println("dry run: every size was published and invoked once; nothing was analysed");
    } else {
      ResultTable.lines(result).forEach(out::println);
      out.println();
      out.println(result.path("recommendation").asText());
      if ("unavailable".equals(result.path("cpuScaling").asText())) {
        out.println(
            "note: CPU did not follow memory on this platform (no cgroups), so durations do not"
                + " depend on the size");
      }
      if (result.hasNonNull("contention")) {
        out.println("note: " + result.path("contention").asText());
      }
    }
    out.println("result: " + file);
    out.flush();
    return ExitCodes.OK;
  }
}
