package io.powertune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.analyzer.VisualizationUrl;
import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.analyzer.tuning.SizeResult;
import io.powertune.analyzer.tuning.TuningAnalysis;
import io.powertune.analyzer.tuning.TuningResults;
import io.powertune.visualizer.Comparison;
import io.powertune.visualizer.ComparisonReport;
import io.powertune.visualizer.ReportFormat;
import io.powertune.visualizer.TerminalReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** {@code powertune report}: the report files of a finished run, or two runs compared. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Writes chart.png and report.html for a finished tuning, from its result.json (beside it)"
          + " or from its execution on a platform (with its result.json), and prints its report.",
      "With --compare A B: one report comparing two runs (for example before and after a code"
          + " change): the change per size, and whether each is larger than the runs' own noise."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the report was written", "2:invalid input (the message names it)"})
public final class ReportCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  private final Map<String, String> environment;

  public ReportCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Parameters(
      arity = "0..1",
      paramLabel = "RESULT.json|EXECUTION_ARN",
      description = "A run's result.json, or its execution's ARN.")
  private String source;

  @Option(
      names = "--compare",
      arity = "2",
      paramLabel = "RESULT.json",
      description = "Compare two runs' result.json files: A, then B.")
  private List<Path> compare;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Where the files go. Default: beside RESULT.json; for an execution or a comparison,"
              + " a new folder under ./powertune-results.")
  private Path out;

  @Option(
      names = FormatOption.FLAG,
      paramLabel = "table|json|markdown",
      description = FormatOption.DESCRIPTION)
  private ReportFormat format = ReportFormat.TABLE;

  @Mixin private EndpointOptions platform;
  @Mixin private AwsOptions aws;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (compare != null) {
      if (source != null) {
        throw new InvalidInputException(
            "--compare", "takes the two files itself; leave out " + source);
      }
      return compare(stdout, err);
    }
    if (source == null) {
      throw new InvalidInputException(
          "RESULT.json|EXECUTION_ARN", "missing; name a run's result.json or its execution's ARN");
    }
    TuningAnalysis result;
    List<Path> files;
    if (source.startsWith("arn:")) {
      result = fromExecution(source);
      Path dir =
          out != null
              ? out
              : ReportFiles.claim(
                  Path.of("powertune-results"), source.substring(source.lastIndexOf(':') + 1));
      files = ReportFiles.write(result, dir);
    } else {
      // a result file is read, never rewritten: the pictures go beside it (or to --out)
      result = read(Path.of(source), "RESULT.json");
      files =
          ReportFiles.writePictures(
              result, out != null ? out : Path.of(source).toAbsolutePath().getParent());
    }
    stdout.print(TerminalReport.render(result, format));
    stdout.flush();
    FormatOption.printPaths(files, format, stdout, err);
    return ExitCodes.OK;
  }

  private int compare(PrintWriter stdout, PrintWriter err) throws Exception {
    Path a = compare.get(0);
    Path b = compare.get(1);
    Comparison comparison =
        Comparison.of(name(a), read(a, "--compare A"), name(b), read(b, "--compare B"));
    Path dir =
        out != null
            ? Files.createDirectories(out)
            : ReportFiles.claim(Path.of("powertune-results"), "compare");
    String link =
        VisualizationUrl.compare(
            VisualizationUrl.DEFAULT_BASE,
            comparison.a().suitable().stream().map(SizeResult::stat).toList(),
            comparison.nameA(),
            comparison.b().suitable().stream().map(SizeResult::stat).toList(),
            comparison.nameB());
    Path html =
        Files.writeString(dir.resolve("compare.html"), ComparisonReport.html(comparison, link));
    stdout.print(ComparisonReport.render(comparison, format));
    stdout.flush();
    (format == ReportFormat.TABLE ? stdout : err).println("report: " + html);
    (format == ReportFormat.TABLE ? stdout : err).flush();
    return ExitCodes.OK;
  }

  /** A run's name in a comparison: its folder, or its file when the folder says nothing. */
  private static String name(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null || parent.getFileName() == null
        ? file.getFileName().toString()
        : parent.getFileName() + "/" + file.getFileName();
  }

  private static TuningAnalysis read(Path file, String flag) {
    JsonNode json = JsonInput.parse(JsonInput.text(file.toString(), flag, System.in), flag);
    return TuningResults.read(json, flag + " " + file);
  }

  private TuningAnalysis fromExecution(String arn) throws Exception {
    String region = RegionOption.resolve(platform.region, environment);
    try (PlatformSession session =
            PlatformSession.open(
                platform.stateDir,
                platform.endpoint,
                aws.aws,
                aws.profile,
                spec.commandLine().getErr());
        ServiceClients clients = new ServiceClients(session.endpoint(), session.credentials())) {
      DescribeExecutionResponse execution;
      try {
        execution = clients.sfn(regionOf(arn, region)).describeExecution(r -> r.executionArn(arn));
      } catch (SfnException e) {
        throw new InvalidInputException(
            "EXECUTION_ARN",
            "no execution "
                + arn
                + " at "
                + session.where()
                + " ("
                + e.awsErrorDetails().errorMessage()
                + ")");
      }
      if (execution.status() != ExecutionStatus.SUCCEEDED) {
        throw new InvalidInputException(
            "EXECUTION_ARN",
            "the execution is "
                + execution.statusAsString()
                + "; only a finished tuning has a report");
      }
      return TuningResults.read(JsonInput.parse(execution.output(), "output"), arn);
    }
  }

  private static String regionOf(String arn, String fallback) {
    String[] parts = arn.split(":");
    return parts.length > 3 && !parts[3].isEmpty() ? parts[3] : fallback;
  }
}
