package io.powertune.cli;

import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.platform.StateDirectoryInUseException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

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
    command
        .getErr()
        .println(
            "powertune: unexpected error: "
                + e
                + " (set POWERTUNE_DEBUG=1 for details, and please report it)");
    return ExitCodes.FAILURE;
  }
}
