package io.powertune.cli;

import io.powertune.cli.install.IamRoles;
import io.powertune.cli.install.InstallSettings;
import io.powertune.cli.install.TunerInstaller;
import io.powertune.cli.install.TunerPackage;
import io.powertune.tuner.TunerFunctions;
import java.io.PrintWriter;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

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
   * The tuner a command uses when it was given none: on a platform, installed (or brought up to
   * date) there; on another endpoint (LocalStack), the one installed there, which {@code install}
   * set up with its own options, or a new one with the defaults.
   *
   * @return the state machine's ARN
   */
  static String forTuning(
      ServiceClients clients, String region, boolean platform, PrintWriter err) {
    if (!platform) {
      var existing =
          clients
              .sfn(region)
              .listStateMachinesPaginator(r -> r.maxResults(100))
              .stateMachines()
              .stream()
              .filter(m -> m.name().equals(TunerFunctions.STATE_MACHINE))
              .findFirst();
      if (existing.isPresent()) {
        err.println(
            "powertune: using the tuner installed at "
                + clients.where()
                + " (powertune install updates it)");
        return existing.get().stateMachineArn();
      }
    }
    return installer(clients, region, InstallSettings.sharedHost()).install().stateMachineArn();
  }
}
