package io.powertune.cli;

import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.analyzer.tuning.TuningAnalysis;
import io.powertune.analyzer.tuning.TuningResults;
import io.powertune.cli.install.FunctionDeployer;
import io.powertune.tuner.input.PowerValues;
import io.powertune.tuner.input.TuningInput;
import io.powertune.tuner.input.TuningInputReader;
import io.powertune.visualizer.ReportFormat;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

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
          + " the powertune state machine with live progress (Ctrl-C stops it and puts the function"
          + " back as it was), prints the report and writes result.json (the execution's"
          + " output), chart.png and report.html.",
      "Without --endpoint it uses the running platform of --state-dir, or starts one in this"
          + " process for the run."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the tuning finished (result.json written)",
      "1:unexpected failure",
      "2:invalid input, found before anything was published or invoked",
      "3:the tuning failed (its cause is printed)",
      "4:with --baseline: the recommended size got slower or dearer than allowed"
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
      names = "--adaptive",
      description =
          "Race the sizes in rounds (sampling adaptive) instead of num invocations each: sizes"
              + " leave once they are worse than the best, and the race stops once no size beats"
              + " the pick by more than 1%% with 95%% confidence (defaults; at most 50 a size).")
  private Boolean adaptive;

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
          "Where the tuner runs. Default: the --state-machine-arn's region, else AWS_REGION,"
              + " AWS_DEFAULT_REGION, else us-east-1.")
  private String region;

  @Option(
      names = "--state-machine-arn",
      paramLabel = "ARN",
      description =
          "Use this deployed tuner (powertune install prints it; a stack of infra/template.yaml"
              + " outputs it as StateMachineARN) instead of installing one. An ARN of an account"
              + " other than the platform's 000000000000 means AWS, unless --endpoint says"
              + " otherwise.")
  private String stateMachineArn;

  @Mixin private AwsOptions aws;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Where result.json, chart.png and report.html go. Default:"
              + " ./powertune-results/<timestamp>/.")
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
      names = FormatOption.FLAG,
      paramLabel = "table|json|markdown",
      description = FormatOption.DESCRIPTION)
  private ReportFormat format = ReportFormat.TABLE;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "A previous run's result.json: exit 4 when the recommended size got slower or dearer"
              + " than --max-regression allows, by more than the runs' noise.")
  private String baseline;

  @Option(
      names = "--max-regression",
      paramLabel = "PERCENT",
      defaultValue = "5%",
      description = "With --baseline: the worsening allowed. Default: ${DEFAULT-VALUE}.")
  private String maxRegression;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      defaultValue = "${sys:user.home}/.powertune",
      description = "The platform's state directory. Default: ${DEFAULT-VALUE}.")
  private Path stateDir;

  @Override
  public Integer call() throws Exception {
    StateMachineArn deployed =
        stateMachineArn == null ? null : StateMachineArn.parse(stateMachineArn);
    if (deployed != null && region != null && !region.equals(deployed.region())) {
      throw new InvalidInputException(
          RegionOption.FLAG,
          region
              + " is not the region of --state-machine-arn ("
              + deployed.region()
              + "); leave --region out, the tuner runs where its state machine is");
    }
    String tunerRegion =
        deployed != null ? deployed.region() : RegionOption.resolve(region, environment);
    boolean onAws = aws.selected() || (deployed != null && deployed.onAws() && endpoint == null);
    TuneInput input =
        TuneInput.from(
            new TuneInput.Flags(
                inputFile,
                function,
                powers,
                num,
                strategy,
                balancedWeight,
                parallel,
                payload,
                coldStarts,
                autoOptimize,
                alias,
                adaptive));
    TuningInput validated;
    try {
      validated = TuningInputReader.read(input.json(), PowerValues.DEFAULTS, tunerRegion);
    } catch (InvalidInputException e) {
      throw input.rename(e);
    }
    checkDeployFlags();
    Optional<TuneReport.Baseline> gate = baseline();
    PrintWriter err = spec.commandLine().getErr();
    if (onAws && deployed == null) {
      throw new InvalidInputException(
          aws.profile != null ? "--profile" : "--aws",
          "tuning on AWS uses a deployed tuner: give --state-machine-arn (powertune install"
              + " --aws prints it; a stack of infra/template.yaml outputs it as StateMachineARN)");
    }
    if (onAws && deploy != null) {
      throw new InvalidInputException(
          "--deploy",
          "deploys to a platform only; on AWS deploy the function with your own tooling (sam,"
              + " cdk, the AWS CLI) and name it with --function");
    }
    try (PlatformSession session =
            PlatformSession.open(stateDir, endpoint, onAws, aws.profile, err);
        ServiceClients clients = new ServiceClients(session.endpoint(), session.credentials())) {
      LambdaClient lambda = clients.lambda(validated.target().region());
      reachable(lambda, session);
      if (deploy != null) {
        deploy(lambda, validated);
      }
      requireFunction(lambda, validated, session.where());
      SfnClient sfn = clients.sfn(tunerRegion);
      if (deployed != null) {
        requireStateMachine(sfn, deployed, session.where(), validated.adaptive());
      }
      String stateMachine =
          deployed != null
              ? deployed.arn()
              : TunerSetup.forTuning(
                  clients, tunerRegion, session.platform(), validated.adaptive(), err);
      err.println(
          "powertune: tuning "
              + validated.target().display()
              + " at "
              + validated.powerValues().size()
              + (validated.adaptive()
                  ? " sizes, raced in rounds (adaptive sampling: at most "
                      + validated.sampling().maxNum()
                      + " invocations a size)"
                  : " sizes x " + validated.invocationsPerSize() + " invocations")
              + " on "
              + session.where());
      err.flush();
      String name = "tune-" + STAMP.format(clock.instant()) + "-" + suffix();
      Optional<HostActivity.Snapshot> before = snapshot(session);
      DescribeExecutionResponse execution =
          new TuningRun(sfn, clients, tunerRegion, clock, err)
              .run(stateMachine, name, input.json().toString(), validated);
      Optional<String> contention =
          before.flatMap(b -> snapshot(session).flatMap(a -> HostActivity.note(b, a)));
      return new TuneReport(spec.commandLine().getOut(), err, format)
          .print(
              execution,
              contention,
              new ExecutionFollower(sfn, session.where())
                  .entered(execution.executionArn(), "Publisher"),
              out,
              STAMP.format(clock.instant()),
              gate);
    }
  }

  private Optional<TuneReport.Baseline> baseline() {
    if (baseline == null) {
      return Optional.empty();
    }
    TuningAnalysis result =
        TuningResults.read(
            JsonInput.parse(JsonInput.text(baseline, "--baseline", System.in), "--baseline"),
            "--baseline " + baseline);
    return Optional.of(
        new TuneReport.Baseline(result, Percent.parse(maxRegression, "--max-regression")));
  }

  /** A clear word when nothing answers at the endpoint, before anything else is tried. */
  /** A clear word when nothing answers (any answer, a refusal too, means something does). */
  private void reachable(LambdaClient lambda, PlatformSession session) {
    try {
      lambda.getAccountSettings();
    } catch (AwsServiceException e) {
      // it answered; what the credentials may do shows on the calls that need it
    } catch (SdkClientException e) {
      if (FailureHandler.isCredentials(e)) {
        throw e;
      }
      if (session.endpoint() == null) {
        throw new InvalidInputException(
            aws.profile != null ? "--profile" : "--aws",
            "cannot reach AWS ("
                + e.getMessage()
                + "); check the credentials (aws sts get-caller-identity) and the network");
      }
      throw new InvalidInputException(
          "--endpoint",
          "nothing answers at "
              + session.where()
              + " ("
              + e.getMessage()
              + "); start one with powertune platform, or leave --endpoint out");
    }
  }

  private void deploy(LambdaClient lambda, TuningInput validated) {
    try {
      new FunctionDeployer(lambda)
          .deploy(validated.target().name(), deploy, runtime, handler, memory, timeout);
    } catch (LambdaException e) {
      throw new InvalidInputException(
          "--deploy",
          "the platform refused "
              + deploy
              + " as "
              + validated.target().name()
              + ": "
              + e.awsErrorDetails().errorMessage());
    }
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

  /**
   * Refuses a named tuner that is not there, or that cannot race the sizes when {@code adaptive} (a
   * stack deployed before adaptive sampling existed).
   */
  private static void requireStateMachine(
      SfnClient sfn, StateMachineArn arn, String where, boolean adaptive) {
    String definition;
    try {
      definition = sfn.describeStateMachine(r -> r.stateMachineArn(arn.arn())).definition();
    } catch (StateMachineDoesNotExistException e) {
      throw new InvalidInputException(
          "--state-machine-arn",
          "no state machine "
              + arn.arn()
              + " at "
              + where
              + "; install the tuner there first (powertune install), or check the account and"
              + " region");
    }
    if (adaptive) {
      TunerSetup.requireRace(
          definition,
          "the tuner " + arn.arn() + " at " + where,
          "update it (powertune install, or deploy infra/template.yaml of this build again)");
    }
  }

  private static void requireFunction(LambdaClient lambda, TuningInput input, String where) {
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
              + where
              + "; deploy it first (--deploy PATH --runtime R --handler H)");
    }
  }

  private static Optional<HostActivity.Snapshot> snapshot(PlatformSession session) {
    return session.pid().isPresent()
        ? HostActivity.take(session.pid().getAsLong())
        : Optional.empty();
  }

  private static String suffix() {
    return Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  }
}
