package io.powertune.cli;

import io.powertune.cli.install.InstallSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code powertune uninstall}: removes what {@code install} deployed. */
@Command(
    name = "uninstall",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description =
        "Removes what install deployed: the powertune state machine, the seven workflow functions"
            + " (every version and alias), their log groups and their roles. The functions you"
            + " tuned are not touched.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:removed (or nothing was installed)",
      "1:something could not be removed (each is named, with why)",
      "2:invalid input"
    })
public final class UninstallCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  private final Map<String, String> environment;

  public UninstallCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Mixin private EndpointOptions where;
  @Mixin private AwsOptions aws;

  @Override
  public Integer call() throws Exception {
    String region = RegionOption.resolve(where.region, environment);
    PrintWriter err = spec.commandLine().getErr();
    try (PlatformSession session =
            PlatformSession.open(where.stateDir, where.endpoint, aws.aws, aws.profile, err);
        ServiceClients clients = new ServiceClients(session.endpoint(), session.credentials())) {
      List<String> lines =
          TunerSetup.installer(clients, region, InstallSettings.distributed()).uninstall();
      PrintWriter out = spec.commandLine().getOut();
      if (lines.isEmpty()) {
        err.println("powertune: nothing was installed in " + region + " at " + session.where());
      }
      lines.forEach(out::println);
      out.flush();
      err.flush();
      return lines.stream().anyMatch(l -> l.startsWith("could not"))
          ? ExitCodes.FAILURE
          : ExitCodes.OK;
    }
  }
}
