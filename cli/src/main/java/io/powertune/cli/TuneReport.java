package io.powertune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
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
   * @param folder the {@code --out} folder, or null for a new one named {@code name} under
   *     ./powertune-results
   * @return the exit code
   */
  int print(
      DescribeExecutionResponse execution,
      Optional<String> contention,
      boolean published,
      Path folder,
      String name)
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
            : claim(Path.of("powertune-results"), name);
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

  /**
   * A new folder {@code name} (or {@code name-2}, ...) under {@code parent}: runs never share one.
   */
  static Path claim(Path parent, String name) throws IOException {
    Files.createDirectories(parent);
    for (int i = 1; ; i++) {
      try {
        return Files.createDirectory(parent.resolve(i == 1 ? name : name + "-" + i));
      } catch (FileAlreadyExistsException e) {
        // another run took it: try the next name
      }
    }
  }
}
