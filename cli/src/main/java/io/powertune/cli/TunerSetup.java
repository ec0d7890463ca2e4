package io.powertune.cli;

import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.cli.install.IamRoles;
import io.powertune.cli.install.InstallSettings;
import io.powertune.cli.install.TunerInstaller;
import io.powertune.cli.install.TunerPackage;
import io.powertune.platform.trusted.TrustedHandler;
import io.powertune.tuner.TunerFunctions;
import io.powertune.tuner.TunerJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The tuner's installer for a command, on the endpoint (or AWS) it talks to. */
final class TunerSetup {

  private TunerSetup() {}

  /** The installer of the tuner in {@code region}, with roles in IAM where it is served. */
  static TunerInstaller installer(ServiceClients clients, String region, InstallSettings settings) {
    return new TunerInstaller(
        clients.lambda(region),
        clients.sfn(region),
        clients.logs(region),
        IamRoles.detect(
            clients.iam(region), settings, PartitionMetadata.of(Region.of(region)).id(), region),
        TunerPackage.shipped(),
        settings);
  }

  /**
   * The tuner a command uses when it was given none. One that {@code powertune install} put there
   * is used as it is (install set it up with its own options; on a platform its steps run as
   * processes). Otherwise, on a platform, the tuner is installed (or brought up to date) with its
   * steps in the platform's JVM; on another endpoint (LocalStack), with the defaults.
   *
   * @param adaptive true when the run races the sizes: a tuner installed before adaptive sampling
   *     existed cannot run it, which is said before anything starts
   * @return the state machine's ARN
   * @throws InvalidInputException for an adaptive run on an installed tuner without the race
   */
  static String forTuning(
      ServiceClients clients, String region, boolean platform, boolean adaptive, PrintWriter err) {
    Optional<Installed> installed = installedByInstall(clients, region);
    if (installed.isPresent()) {
      if (adaptive) {
        requireRace(
            clients
                .sfn(region)
                .describeStateMachine(r -> r.stateMachineArn(installed.get().stateMachineArn()))
                .definition(),
            "the tuner powertune install put at " + clients.where(),
            "run powertune install to bring it up to date");
      }
      err.println(
          "powertune: using the tuner powertune install put at "
              + clients.where()
              + " (install updates it, uninstall removes it)");
      if (!installed.get().codeSha256().equals(TunerPackage.shipped().sha256())) {
        err.println(
            "powertune: that tuner is from another powertune build than this one; run powertune"
                + " install to bring it up to date");
      }
      return installed.get().stateMachineArn();
    }
    InstallSettings settings =
        platform ? InstallSettings.inPlatform() : InstallSettings.sharedHost();
    return installer(clients, region, settings).install().stateMachineArn();
  }

  /**
   * Refuses an adaptive run on a tuner whose state machine {@code definition} has no Racer step
   * (one set up before adaptive sampling existed).
   *
   * @param tuner the tuner as the message names it
   * @param update how to bring it up to date
   * @throws InvalidInputException naming {@code --adaptive}
   */
  static void requireRace(String definition, String tuner, String update) {
    boolean races;
    try {
      races = TunerJson.MAPPER.readTree(definition).path("States").has(RACER_STATE);
    } catch (IOException e) {
      races = false;
    }
    if (!races) {
      throw new InvalidInputException(
          "--adaptive",
          tuner
              + " is older than adaptive sampling (its state machine has no Racer step); "
              + update
              + ", then tune again");
    }
  }

  /** The state that decides between rounds of adaptive sampling. */
  private static final String RACER_STATE = "Racer";

  /** A tuner {@code install} put there: its state machine and its Executor's code. */
  private record Installed(String stateMachineArn, String codeSha256) {}

  /** The tuner installed by {@code install}: its steps do not run in process. */
  private static Optional<Installed> installedByInstall(ServiceClients clients, String region) {
    Optional<String> machine =
        clients
            .sfn(region)
            .listStateMachinesPaginator(r -> r.maxResults(100))
            .stateMachines()
            .stream()
            .filter(m -> m.name().equals(TunerFunctions.STATE_MACHINE))
            .map(m -> m.stateMachineArn())
            .findFirst();
    if (machine.isEmpty()) {
      return Optional.empty();
    }
    try {
      var executor =
          clients
              .lambda(region)
              .getFunctionConfiguration(
                  r -> r.functionName(TunerFunctions.executor().name()).qualifier("live"));
      Map<String, String> variables =
          executor.environment() == null ? Map.of() : executor.environment().variables();
      return variables.containsKey(TrustedHandler.IN_PROCESS)
          ? Optional.empty()
          : machine.map(arn -> new Installed(arn, executor.codeSha256()));
    } catch (ResourceNotFoundException e) {
      return Optional.empty(); // an older or partial install: installed again
    }
  }
}
