package io.powertune.cli;

import io.powertune.cli.install.IamRoles;
import io.powertune.cli.install.InstallSettings;
import io.powertune.cli.install.TunerInstaller;
import io.powertune.cli.install.TunerPackage;
import software.amazon.awssdk.regions.Region;

/** The tuner a command installs on a platform (or LocalStack) when it was given none. */
final class TunerSetup {

  private TunerSetup() {}

  /** Installs what is missing or out of date on the endpoint; returns the state machine's ARN. */
  static String install(ServiceClients clients, String region) {
    InstallSettings settings = InstallSettings.sharedHost();
    return new TunerInstaller(
            clients.lambda(region),
            clients.sfn(region),
            clients.logs(region),
            IamRoles.detect(clients.iam(), settings, Region.of(region).metadata().partition().id()),
            TunerPackage.shipped(),
            settings)
        .install()
        .stateMachineArn();
  }
}
