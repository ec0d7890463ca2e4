package io.powertune.cli;

import io.powertune.analyzer.model.InvalidInputException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** {@code powertune function logs}: a function's log events. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Prints the function's log events (of every stream, oldest first).")
public final class FunctionLogsCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  private final Map<String, String> environment;
  private final Clock clock;

  public FunctionLogsCommand(Map<String, String> environment, Clock clock) {
    this.environment = Map.copyOf(environment);
    this.clock = clock;
  }

  @Parameters(index = "0", paramLabel = "NAME", description = "The function's name.")
  private String name;

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      defaultValue = "PT1H",
      description = "How far back (ISO-8601, e.g. PT10M). Default: ${DEFAULT-VALUE}.")
  private String since;

  @Option(
      names = "--filter",
      paramLabel = "PATTERN",
      description = "A CloudWatch Logs filter pattern, e.g. REPORT.")
  private String filter;

  @Mixin private EndpointOptions platform;

  @Override
  public Integer call() throws Exception {
    Instant from = clock.instant().minus(duration());
    PrintWriter out = spec.commandLine().getOut();
    try (FunctionSession session =
        FunctionSession.open(platform, environment, spec.commandLine().getErr())) {
      try {
        for (FilteredLogEvent event :
            session
                .logs()
                .filterLogEventsPaginator(
                    r ->
                        r.logGroupName("/aws/lambda/" + name)
                            .startTime(from.toEpochMilli())
                            .filterPattern(filter))
                .events()) {
          out.println(Instant.ofEpochMilli(event.timestamp()) + " " + event.message());
        }
      } catch (ResourceNotFoundException e) {
        throw new InvalidInputException(
            "NAME",
            "no log group /aws/lambda/" + name + ": the function never ran, or does not exist");
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private Duration duration() {
    try {
      return Duration.parse(since);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "--since", "'" + since + "' is not an ISO-8601 duration; use e.g. PT10M");
    }
  }
}
