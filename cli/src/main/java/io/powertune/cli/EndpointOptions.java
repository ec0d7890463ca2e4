package io.powertune.cli;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a command finds the platform: {@code --endpoint}, {@code --state-dir}, {@code --region}.
 */
final class EndpointOptions {

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description = "A running platform's endpoint (default: the state directory's, or a new one).")
  URI endpoint;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      defaultValue = "${sys:user.home}/.powertune",
      description = "The platform's state directory. Default: ${DEFAULT-VALUE}.")
  Path stateDir;

  @Option(
      names = RegionOption.FLAG,
      paramLabel = "REGION",
      description = "The region. Default: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1.")
  String region;
}
