package io.powertune.cli;

import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.cli.install.TrustedTuner;
import io.powertune.platform.Platform;
import io.powertune.platform.PlatformConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code powertune platform}: runs the local function platform in the foreground. */
@Command(
    name = "platform",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Runs the local function platform in the foreground: the Lambda, CloudWatch Logs and Step"
          + " Functions APIs on 127.0.0.1, for the AWS SDKs and the AWS CLI (--endpoint-url).",
      "Prints the endpoint URL on one line, writes it to STATE_DIR/endpoint and the credentials"
          + " clients must sign with to STATE_DIR/credentials (AWS shared-credentials format)."
          + " Stops cleanly on Ctrl-C or SIGTERM; functions, versions, aliases, code, logs, state"
          + " machines and executions survive a restart (running executions resume)."
    })
public final class PlatformCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "0",
      description = "Port on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  private int port;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      defaultValue = "${sys:user.home}/.powertune",
      description = "Where the platform keeps its state. Default: ${DEFAULT-VALUE}.")
  private Path stateDir;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      defaultValue = "PT10M",
      description =
          "How long an idle execution environment stays warm (ISO-8601, e.g. PT30S)."
              + " Default: ${DEFAULT-VALUE}.")
  private String idleTimeout;

  @Option(
      names = "--limits",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Give each environment the CPU share and memory limit of its memory size with cgroups"
              + " (v1 or v2) and a private /tmp of its ephemeral storage size; --no-limits runs"
              + " functions unlimited. Default: on where the host allows them.")
  private boolean limits;

  /** How the tuner's own functions run. */
  enum TunerMode {
    /** Inside the platform's JVM: they start at once and take no CPU from measured functions. */
    IN_PROCESS,
    /** As java21 function processes, as on AWS (each lends its CPU share while it waits). */
    PROCESSES
  }

  @Option(
      names = "--tuner",
      paramLabel = "in_process|processes",
      defaultValue = "in_process",
      description =
          "How a tuner that tune installed runs: in_process (in the platform's JVM, at once and"
              + " without taking CPU from the function measured) or processes (java21 function"
              + " processes, as on AWS, as a tuner from powertune install always runs). Default:"
              + " ${DEFAULT-VALUE}.")
  private TunerMode tuner;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65_535) {
      throw new InvalidInputException("--port", port + " is not a port; use 0 to 65535");
    }
    PlatformConfig defaults = PlatformConfig.defaults(port, stateDir);
    PlatformConfig config =
        new PlatformConfig(
            port,
            stateDir,
            parse(idleTimeout),
            defaults.eventRetryDelays(),
            defaults.accountConcurrency(),
            defaults.clock(),
            limits ? defaults.cgroupRoot() : null,
            defaults.admissionWait(),
            tuner == TunerMode.IN_PROCESS ? TrustedTuner.handlers() : java.util.List.of());
    CountDownLatch stopped = new CountDownLatch(1);
    Platform platform = Platform.start(config);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  platform.close();
                  stopped.countDown();
                },
                "platform-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    out.println(platform.endpoint());
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }

  private static Duration parse(String text) {
    try {
      Duration duration = Duration.parse(text);
      if (duration.isNegative() || duration.isZero()) {
        throw new InvalidInputException("--idle-timeout", "must be positive, e.g. PT10M");
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "--idle-timeout", "'" + text + "' is not an ISO-8601 duration; use e.g. PT30S or PT10M");
    }
  }
}
