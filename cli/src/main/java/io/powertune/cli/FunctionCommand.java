package io.powertune.cli;

import picocli.CommandLine.Command;

/** {@code powertune function}: the Lambda and Logs APIs for users without the AWS CLI. */
@Command(
    name = "function",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Deploys, lists, invokes, reads the logs of and deletes functions on the platform (the"
          + " running one of --state-dir, or one started for the command).",
      "Exit codes: 0 done; 2 invalid input (the message names it); 3 the invoked function failed."
    })
public final class FunctionCommand {}
