package io.powertune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.powertune.analyzer.JsonFields;
import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.tuner.input.PowerValues;
import io.powertune.tuner.input.TuningInput;
import io.powertune.tuner.input.TuningInputReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** {@code powertune tune}: a tuning run on the embedded platform (or another endpoint). */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Measures a function at several memory sizes and picks the cheapest, fastest or best"
          + " balanced one. It builds the execution input (the original's fields; flags override"
          + " --input), installs the tuner on the platform when missing or out of date, runs"
          + " the powertune state machine, prints a table and writes result.json (the"
          + " execution's output).",
      "Without --endpoint it uses the running platform of --state-dir, or starts one in this"
          + " process for the run."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the tuning finished (result.json written)",
      "1:unexpected failure",
      "2:invalid input, found before anything was published or invoked",
      "3:the tuning failed (its cause is printed)"
    })
public final class TuneCommand implements Callable<Integer> {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  @Spec private CommandSpec spec;

  private final Map<String, String> environment;
  private final Clock clock;

  public TuneCommand(Map<String, String> environment, Clock clock) {
    this.environment = Map.copyOf(environment);
    this.clock = clock;
  }

  @Option(
      names = {"-f", "--function"},
      paramLabel = "ARN|NAME",
      description = "The function to tune (lambdaARN); may be qualified (:alias or :version).")
  private String function;

  @Option(
      names = "--powers",
      paramLabel = "128,512,...|ALL",
      description = "Memory sizes in MB (powerValues). Default: 128,256,512,1024,1536,3008.")
  private String powers;

  @Option(
      names = {"-n", "--num"},
      paramLabel = "N",
      description = "Invocations per size (num), at least 5. Default: the input's, else 10.")
  private Integer num;

  @Option(names = "--strategy", paramLabel = "cost|speed|balanced", description = "How to choose.")
  private String strategy;

  @Option(
      names = "--balanced-weight",
      paramLabel = "W",
      description = "0 (speed) to 1 (cost), for --strategy balanced (default 0.5).")
  private Double balancedWeight;

  @Option(
      names = "--parallel",
      description =
          "Run each size's invocations at once (parallelInvocation), at most 10 in flight.")
  private Boolean parallel;

  @Option(
      names = "--payload",
      paramLabel = "JSON|@FILE",
      description = "The payload: JSON text, or @ and a file holding it (weighted payloads too).")
  private String payload;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "FILE",
      description = "An execution input file, as for the original; flags override its fields.")
  private String inputFile;

  @Option(names = "--cold-starts", description = "Measure cold starts only (onlyColdStarts).")
  private Boolean coldStarts;

  @Option(
      names = "--auto-optimize",
      description = "Apply the chosen size to the function at the end (autoOptimize).")
  private Boolean autoOptimize;

  @Option(
      names = "--alias",
      paramLabel = "NAME",
      description = "With --auto-optimize: point this alias at a version of the chosen size.")
  private String alias;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description = "A running platform's endpoint (default: the state directory's, or a new one).")
  private URI endpoint;

  @Option(
      names = RegionOption.FLAG,
      paramLabel = "REGION",
      description =
          "Where the tuner runs. Default: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1.")
  private String region;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where result.json goes. Default: ./powertune-results/<timestamp>/.")
  private Path out;

  @Option(
      names = "--deploy",
      paramLabel = "PATH",
      description =
          "First create or update --function on the platform from this folder or zip (needs"
              + " --runtime and --handler).")
  private Path deploy;

  @Option(
      names = "--runtime",
      paramLabel = "RUNTIME",
      description = "With --deploy, e.g. python3.12.")
  private String runtime;

  @Option(
      names = "--handler",
      paramLabel = "HANDLER",
      description = "With --deploy, e.g. app.handler.")
  private String handler;

  @Option(
      names = "--memory",
      paramLabel = "MB",
      description = "With --deploy: the function's own memory size (default 128 for a new one).")
  private Integer memory;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "With --deploy: the function's timeout (default 60 for a new one).")
  private Integer timeout;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      defaultValue = "${sys:user.home}/.powertune",
      description = "The platform's state directory. Default: ${DEFAULT-VALUE}.")
  private Path stateDir;

  @Override
  public Integer call() throws Exception {
    String tunerRegion = RegionOption.resolve(region, environment);
    TuneInput input = input();
    TuningInput validated;
    try {
      validated = TuningInputReader.read(input.json(), PowerValues.DEFAULTS, tunerRegion);
    } catch (InvalidInputException e) {
      throw input.rename(e);
    }
    checkDeployFlags();
    PrintWriter err = spec.commandLine().getErr();
    try (PlatformSession session = PlatformSession.open(stateDir, endpoint, err);
        ServiceClients clients = new ServiceClients(session.endpoint(), session.credentials())) {
      LambdaClient lambda = clients.lambda(validated.target().region());
      if (deploy != null) {
        new FunctionDeployer(lambda)
            .deploy(validated.target().name(), deploy, runtime, handler, memory, timeout);
      }
      requireFunction(lambda, validated, session.endpoint());
      SfnClient sfn = clients.sfn(tunerRegion);
      String stateMachine =
          new TunerInstaller(clients.lambda(tunerRegion), sfn, TunerPackage.shipped()).install();
      err.println(
          "powertune: tuning "
              + validated.target().display()
              + " at "
              + validated.powerValues().size()
              + " sizes x "
              + validated.invocationsPerSize()
              + " invocations on "
              + session.endpoint());
      err.flush();
      String name = "tune-" + STAMP.format(clock.instant()) + "-" + suffix();
      Optional<HostActivity.Snapshot> before = snapshot(session);
      String executionArn =
          sfn.startExecution(
                  r -> r.stateMachineArn(stateMachine).name(name).input(input.json().toString()))
              .executionArn();
      DescribeExecutionResponse execution = new ExecutionFollower(sfn).awaitEnd(executionArn);
      Optional<String> contention =
          before.flatMap(
              b ->
                  snapshot(session)
                      .flatMap(
                          a ->
                              HostActivity.note(
                                  b, a, java.lang.Runtime.getRuntime().availableProcessors())));
      return report(execution, contention);
    }
  }

  private TuneInput input() {
    JsonNode file =
        inputFile == null
            ? null
            : JsonInput.parse(JsonInput.text(inputFile, "--input", System.in), "--input");
    TuneInput input = new TuneInput(file, inputFile);
    input.set("lambdaARN", "--function", function == null ? null : TextNode.valueOf(function));
    input.set("powerValues", "--powers", TuneInput.powers(powers));
    input.set("num", "--num", num == null ? null : IntNode.valueOf(num));
    input.set("strategy", "--strategy", strategy == null ? null : TextNode.valueOf(strategy));
    input.set(
        "balancedWeight",
        "--balanced-weight",
        balancedWeight == null ? null : DoubleNode.valueOf(balancedWeight));
    input.set("parallelInvocation", "--parallel", flag(parallel));
    input.set("payload", "--payload", payload == null ? null : payload(payload));
    input.set("onlyColdStarts", "--cold-starts", flag(coldStarts));
    input.set("autoOptimize", "--auto-optimize", flag(autoOptimize));
    input.set("autoOptimizeAlias", "--alias", alias == null ? null : TextNode.valueOf(alias));
    input.setDefault("num", IntNode.valueOf(10));
    if (JsonFields.isAbsent(input.json().get("lambdaARN"))) {
      throw new InvalidInputException(
          "--function", "missing; name the function to tune (or give lambdaARN in --input)");
    }
    return input;
  }

  private void checkDeployFlags() {
    if (deploy == null) {
      if (runtime != null || handler != null || memory != null || timeout != null) {
        throw new InvalidInputException(
            runtime != null
                ? "--runtime"
                : handler != null ? "--handler" : memory != null ? "--memory" : "--timeout",
            "only means something with --deploy PATH");
      }
      return;
    }
    if (runtime == null || handler == null) {
      throw new InvalidInputException(
          runtime == null ? "--runtime" : "--handler",
          "required with --deploy; e.g. --runtime python3.12 --handler app.handler");
    }
  }

  private static void requireFunction(LambdaClient lambda, TuningInput input, URI endpoint) {
    try {
      lambda.getFunctionConfiguration(r -> r.functionName(input.target().unqualified()));
    } catch (ResourceNotFoundException e) {
      throw new InvalidInputException(
          "--function",
          "no function "
              + input.target().display()
              + " in "
              + input.target().region()
              + " at "
              + endpoint
              + "; deploy it first (--deploy PATH --runtime R --handler H)");
    }
  }

  private static Optional<HostActivity.Snapshot> snapshot(PlatformSession session) {
    return session.pid().isPresent()
        ? HostActivity.take(session.pid().getAsLong())
        : Optional.empty();
  }

  private int report(DescribeExecutionResponse execution, Optional<String> contention)
      throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (execution.status() != ExecutionStatus.SUCCEEDED) {
      FailureCause cause = FailureCause.of(execution);
      err.println("powertune: " + cause.describe());
      err.flush();
      return cause.invalidInput() ? ExitCodes.INVALID_INPUT : ExitCodes.TUNING_FAILED;
    }
    Path dir = out != null ? out : Path.of("powertune-results", STAMP.format(clock.instant()));
    Files.createDirectories(dir);
    JsonNode result = JsonInput.parse(execution.output(), "output");
    if (result.isObject() && contention.isPresent()) {
      ((ObjectNode) result).put("contention", contention.get());
    }
    Path file = dir.resolve("result.json");
    Files.writeString(file, JsonOutput.write(result) + "\n");
    if (result.isNull()) {
      stdout.println("dry run: every size was published and invoked once; nothing was analysed");
    } else {
      ResultTable.lines(result).forEach(stdout::println);
      stdout.println();
      stdout.println(result.path("recommendation").asText());
      if ("unavailable".equals(result.path("cpuScaling").asText())) {
        stdout.println(
            "note: CPU did not follow memory on this platform (no cgroups), so durations do not"
                + " depend on the size");
      }
      if (result.hasNonNull("contention")) {
        stdout.println("note: " + result.path("contention").asText());
      }
    }
    stdout.println("result: " + file);
    stdout.flush();
    return ExitCodes.OK;
  }

  private static JsonNode flag(Boolean value) {
    return value == null ? null : BooleanNode.valueOf(value);
  }

  /** {@code --payload}: JSON text, or @file; text that is not JSON is a string payload. */
  private static JsonNode payload(String text) {
    String content =
        text.startsWith("@") ? JsonInput.text(text.substring(1), "--payload", System.in) : text;
    try {
      return JsonInput.parse(content, "--payload");
    } catch (InvalidInputException e) {
      return TextNode.valueOf(content);
    }
  }

  private static String suffix() {
    return Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  }
}
