package io.powertune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.powertune.analyzer.Analysis;
import io.powertune.analyzer.AnalysisSettings;
import io.powertune.analyzer.Analyzer;
import io.powertune.analyzer.AnalyzerEvent;
import io.powertune.analyzer.AnalyzerEventReader;
import io.powertune.analyzer.JsonFields;
import io.powertune.analyzer.VisualizationUrl;
import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.analyzer.model.PowerStat;
import io.powertune.analyzer.strategy.Strategy;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code powertune analyze}: re-decides a finished tuning from its saved stats. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Re-analyses saved tuning statistics without re-running the tuning, for example with another"
          + " strategy.",
      "Reads an Analyzer event ({\"stats\":[{\"value\",\"averagePrice\",\"averageDuration\","
          + "\"totalCost\"}...], \"strategy\", \"balancedWeight\", ...}) and prints the analysis"
          + " JSON (power, cost, duration, stateMachine, and stats when asked). Flags override the"
          + " file's fields."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the analysis was printed", "2:invalid input (the message names the field)"})
public final class AnalyzeCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  private final Map<String, String> environment;

  /**
   * @param environment where AWS_REGION and AWS_DEFAULT_REGION are read from
   */
  public AnalyzeCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Option(
      names = {"-i", "--input"},
      required = true,
      paramLabel = "FILE",
      description = "The Analyzer event as JSON; '-' reads standard input.")
  private String input;

  @Option(
      names = "--strategy",
      paramLabel = "STRATEGY",
      description = "cost, speed or balanced (default: the file's, else cost).")
  private String strategy;

  @Option(
      names = "--balanced-weight",
      paramLabel = "W",
      description =
          "Weight of cost against speed for the balanced strategy, 0 (speed) to 1 (cost);"
              + " default: the file's, else 0.5.")
  private String balancedWeight;

  @Option(
      names = "--include-output-results",
      negatable = true,
      description = "List every memory size's stats in the output (default: the file's).")
  private Boolean includeOutputResults;

  @Option(
      names = RegionOption.FLAG,
      paramLabel = "REGION",
      description =
          "The tuner's region: prices the state transitions, and cn-* regions show CNY."
              + " Default: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1.")
  private String region;

  @Option(
      names = PriceOption.FLAG,
      paramLabel = "NAME|FILE",
      defaultValue = "aws",
      description =
          "Price catalog: 'aws' (current AWS list prices), 'anchor' (the original tool's tables),"
              + " or the path of your own price file. Default: ${DEFAULT-VALUE}.")
  private String prices;

  @Option(
      names = "--visualization-url",
      paramLabel = "URL",
      defaultValue = VisualizationUrl.DEFAULT_BASE,
      description = "Base URL of the results viewer. Default: ${DEFAULT-VALUE}.")
  private String visualizationUrl;

  @Override
  public Integer call() {
    AnalyzerEvent event = applyFlags(readEvent());
    AnalysisSettings settings =
        new AnalysisSettings(
            RegionOption.resolve(region, environment),
            PriceOption.resolve(prices),
            validUrl(visualizationUrl));
    Optional<Analysis> analysis = Analyzer.analyze(event, settings);
    warnAboutUnmeasured(event, spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    out.println(analysis.isPresent() ? JsonOutput.write(analysis.get()) : "null");
    out.flush();
    return ExitCodes.OK;
  }

  private AnalyzerEvent readEvent() {
    JsonNode json = JsonInput.parse(JsonInput.text(input, "--input", System.in), "--input");
    try {
      return AnalyzerEventReader.read(json);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("--input " + input + ": " + e.field(), e.problem());
    }
  }

  private AnalyzerEvent applyFlags(AnalyzerEvent event) {
    AnalyzerEvent result = event;
    if (strategy != null) {
      result = result.withStrategy(Strategy.parse(strategy, "--strategy"));
    }
    if (balancedWeight != null) {
      Double weight =
          JsonFields.number(
              TextNode.valueOf(balancedWeight), "--balanced-weight", "a number from 0 to 1");
      result = result.withBalancedWeight(Strategy.clampWeight(weight));
    }
    if (includeOutputResults != null) {
      result = result.withIncludeOutputResults(includeOutputResults);
    }
    return result;
  }

  private static String validUrl(String url) {
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      throw new InvalidInputException("--visualization-url", "'" + url + "' is not an http(s) URL");
    }
    return url;
  }

  private static void warnAboutUnmeasured(AnalyzerEvent event, PrintWriter err) {
    for (PowerStat stat : event.unmeasured()) {
      err.println(
          "powertune: note: "
              + stat.value()
              + " MB has no averageDuration, so it was left out of the comparison");
    }
    err.flush();
  }
}
