package io.powertune.cli;

import picocli.CommandLine.Option;

/** {@code --aws} and {@code --profile}: AWS's own endpoints rather than a platform. */
final class AwsOptions {

  @Option(
      names = "--aws",
      description =
          "Use AWS itself, with the default credential chain (environment, ~/.aws, SSO, instance"
              + " role), rather than a platform.")
  boolean aws;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "Use AWS with this profile of ~/.aws/config (implies --aws).")
  String profile;

  /** True when AWS (or an endpoint with AWS credentials) was asked for. */
  boolean selected() {
    return aws || profile != null;
  }
}
