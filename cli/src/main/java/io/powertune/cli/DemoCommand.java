package io.powertune.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.analyzer.pricing.Regions;
import io.powertune.analyzer.tuning.TuningAnalysis;
import io.powertune.analyzer.tuning.TuningResults;
import io.powertune.cli.install.FunctionDeployer;
import io.powertune.visualizer.ReportFormat;
import io.powertune.visualizer.TerminalReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@code powertune demo}: a platform of its own in this process, the two examples deployed and
 * tuned (the CPU-bound one for speed, the I/O-bound one for cost), both reports printed.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Shows powertune at work, offline: starts a platform in this process (in a fresh state"
          + " directory, so nothing of yours is touched), deploys two example functions, tunes the"
          + " CPU-bound one for speed and the I/O-bound one for cost, and prints both reports and"
          + " where their charts and HTML reports are.",
      "Exit codes: 0 done; 3 a tuning failed; 1 unexpected."
    })
public final class DemoCommand implements Callable<Integer> {

  /** An example, how it is tuned, and why. */
  private record Example(String name, String strategy, String payload, String why) {}

  private static final List<Example> EXAMPLES =
      List.of(
          new Example(
              "cpu-python",
              "speed",
              "{\"rounds\": 1000}",
              "hashes 64 KB a thousand times: CPU-bound, so more memory (more CPU) is faster"),
          new Example(
              "io-python",
              "cost",
              "{\"ms\": 100}",
              "waits 100 ms as if for a database: more memory is not faster, only dearer"));

  @Spec private CommandSpec spec;
  private final Clock clock;

  public DemoCommand(Clock clock) {
    this.clock = clock;
  }

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "powertune-demo",
      description = "Where the results, charts and reports go. Default: ${DEFAULT-VALUE}.")
  private Path out;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Instant begun = clock.instant();
    Path stateDir = Files.createTempDirectory("powertune-demo-state");
    Path code = Files.createTempDirectory("powertune-demo-code");
    try {
      return run(stateDir, code, stdout, err, begun);
    } finally {
      deleteTree(stateDir);
      deleteTree(code);
    }
  }

  private int run(Path stateDir, Path code, PrintWriter stdout, PrintWriter err, Instant begun)
      throws Exception {
    try (PlatformSession session = PlatformSession.open(stateDir, null, err);
        ServiceClients clients = new ServiceClients(session.endpoint(), session.credentials())) {
      SfnClient sfn = clients.sfn(Regions.DEFAULT);
      String stateMachine = TunerSetup.forTuning(clients, Regions.DEFAULT, true, false, err);
      for (Example example : EXAMPLES) {
        Path folder = extract(example.name(), code);
        new FunctionDeployer(clients.lambda(Regions.DEFAULT))
            .deploy(example.name(), folder, "python3.12", "app.handler", 128, 60);
        err.println(
            "powertune: tuning "
                + example.name()
                + " for "
                + example.strategy()
                + ": it "
                + example.why());
        err.flush();
        ObjectNode input =
            JsonNodeFactory.instance
                .objectNode()
                .put("lambdaARN", example.name())
                .put("num", 10)
                .put("strategy", example.strategy());
        input.set("payload", JsonInput.parse(example.payload(), "payload"));
        String arn =
            sfn.startExecution(r -> r.stateMachineArn(stateMachine).input(input.toString()))
                .executionArn();
        DescribeExecutionResponse execution =
            new ExecutionFollower(sfn, session.where()).awaitEnd(arn);
        if (execution.status() != ExecutionStatus.SUCCEEDED) {
          err.println("powertune: " + FailureCause.of(execution).describe());
          return ExitCodes.TUNING_FAILED;
        }
        TuningAnalysis result =
            TuningResults.read(JsonInput.parse(execution.output(), "output"), example.name());
        List<Path> files = ReportFiles.write(result, out.resolve(example.name()));
        stdout.println("== " + example.name() + " (" + example.strategy() + ")");
        stdout.print(TerminalReport.render(result, ReportFormat.TABLE));
        FormatOption.printPaths(files, ReportFormat.TABLE, stdout, err);
        stdout.println();
        stdout.flush();
      }
    }
    stdout.println(
        String.format(
            Locale.ROOT,
            "done in %.0f s; open %s in a browser",
            Duration.between(begun, clock.instant()).toMillis() / 1000.0,
            out.resolve("cpu-python").resolve("report.html")));
    stdout.flush();
    return ExitCodes.OK;
  }

  /** Deletes a temporary folder and what it holds; what cannot be deleted stays (it is /tmp). */
  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // left to the system's cleaning of /tmp
    }
  }

  /** The example's code, shipped inside powertune, in a folder of its own. */
  private static Path extract(String name, Path root) {
    Path folder = root.resolve(name);
    try (InputStream in = DemoCommand.class.getResourceAsStream("demo/" + name + "/app.py")) {
      if (in == null) {
        throw new IllegalStateException("this build of powertune lacks the demo's " + name);
      }
      Files.createDirectories(folder);
      Files.copy(in, folder.resolve("app.py"));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
