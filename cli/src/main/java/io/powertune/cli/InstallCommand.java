package io.powertune.cli;

import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.cli.install.InstallSettings;
import io.powertune.cli.install.Installation;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code powertune install}: deploys the tuner to a platform, LocalStack or AWS. */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Deploys the tuner as infra/template.yaml does, through the AWS APIs: the seven workflow"
          + " functions (java21, SnapStart, a live alias each), their log groups, a"
          + " least-privilege role per function and one for the state machine (where IAM is"
          + " served), and the powertune state machine. Installing again updates what changed"
          + " and nothing else. Prints the state machine's ARN.",
      "Without --endpoint or --aws it installs on the state directory's platform (started here"
          + " for the install when none runs), where the steps run as java21 function processes,"
          + " as on AWS; tune then uses this tuner as it is."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:installed (or already up to date)",
      "1:the endpoint refused or failed (its message is printed)",
      "2:invalid input"
    })
public final class InstallCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  private final Map<String, String> environment;

  public InstallCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Mixin private EndpointOptions where;
  @Mixin private AwsOptions aws;

  @Option(
      names = "--lambda-resource",
      paramLabel = "ARN-PATTERN",
      defaultValue = "*",
      description =
          "What the functions' roles may act on (the template's lambdaResource): the functions"
              + " you tune and their processors must match. Default: ${DEFAULT-VALUE}.")
  private String lambdaResource;

  @Option(
      names = "--payload-s3-bucket",
      paramLabel = "BUCKET",
      defaultValue = "",
      description = "A bucket payloadS3 inputs are read from (payloadS3Bucket). Default: none.")
  private String payloadBucket;

  @Option(
      names = "--payload-s3-key",
      paramLabel = "KEY",
      defaultValue = "*",
      description = "The key or pattern in that bucket (payloadS3Key). Default: ${DEFAULT-VALUE}.")
  private String payloadKey;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description =
          "The functions' timeout, 10 to 900 (totalExecutionTimeout): the longest one Executor"
              + " call measures before it returns its progress. Default: ${DEFAULT-VALUE}.")
  private int timeout;

  @Override
  public Integer call() throws Exception {
    if (timeout < 10 || timeout > 900) {
      throw new InvalidInputException("--timeout", "must be 10 to 900 seconds; got " + timeout);
    }
    if (lambdaResource.isBlank()) {
      throw new InvalidInputException(
          "--lambda-resource", "must not be empty; give * or an ARN pattern");
    }
    String region = RegionOption.resolve(where.region, environment);
    PrintWriter err = spec.commandLine().getErr();
    try (PlatformSession session =
            PlatformSession.open(where.stateDir, where.endpoint, aws.aws, aws.profile, err);
        ServiceClients clients = new ServiceClients(session.endpoint(), session.credentials())) {
      // AWS runs each size on machines of its own; any other endpoint is one host
      InstallSettings settings =
          (session.endpoint() == null
                  ? InstallSettings.distributed()
                  : InstallSettings.sharedHost())
              .withTimeout(timeout)
              .withPermissions(lambdaResource, payloadBucket, payloadKey);
      err.println("powertune: installing the tuner in " + region + " at " + session.where());
      err.flush();
      Installation installed = TunerSetup.installer(clients, region, settings).install();
      err.println(
          installed.changed()
              ? "powertune: installed; start a tuning with: powertune tune --state-machine-arn "
                  + installed.stateMachineArn()
                  + " --function NAME"
              : "powertune: already installed and up to date");
      err.flush();
      spec.commandLine().getOut().println(installed.stateMachineArn());
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }
}
