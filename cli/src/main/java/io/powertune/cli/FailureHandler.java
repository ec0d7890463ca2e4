package io.powertune.cli;

import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.platform.StateDirectoryInUseException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns an exception from a command into one line on stderr: invalid input exits 2, anything else
 * 1. Stack traces are printed only when {@code POWERTUNE_DEBUG} is set.
 */
final class FailureHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    if (System.getenv("POWERTUNE_DEBUG") != null) {
      e.printStackTrace(command.getErr());
    }
    if (e instanceof InvalidInputException) {
      command.getErr().println("powertune: " + e.getMessage());
      return ExitCodes.INVALID_INPUT;
    }
    if (e instanceof PlatformStoppedException) {
      command.getErr().println("powertune: " + e.getMessage());
      return ExitCodes.TUNING_FAILED;
    }
    if (e instanceof StateDirectoryInUseException) {
      command.getErr().println("powertune: --state-dir: " + e.getMessage());
      return ExitCodes.INVALID_INPUT;
    }
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      // a refusal from AWS (or an endpoint speaking for it): what it said, not a stack trace
      var details = aws.awsErrorDetails();
      command
          .getErr()
          .println(
              "powertune: "
                  + details.serviceName()
                  + " refused: "
                  + details.errorCode()
                  + ": "
                  + details.errorMessage()
                  + (aws.statusCode() == 403
                      ? " (the credentials in use lack a permission the command needs)"
                      : ""));
      return ExitCodes.FAILURE;
    }
    if (e instanceof SdkClientException client && isCredentials(client)) {
      command
          .getErr()
          .println(
              "powertune: no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID and"
                  + " AWS_SECRET_ACCESS_KEY, run aws configure (or aws sso login), or name a"
                  + " profile with --profile");
      return ExitCodes.INVALID_INPUT;
    }
    command
        .getErr()
        .println(
            "powertune: unexpected error: "
                + e
                + " (set POWERTUNE_DEBUG=1 for details, and please report it)");
    return ExitCodes.FAILURE;
  }

  /** True when the SDK found no credentials to sign with. */
  static boolean isCredentials(SdkClientException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("Unable to load credentials")
        || message.contains("Profile file contained no credentials")
        || message.contains("does not exist in the profile file");
  }
}
