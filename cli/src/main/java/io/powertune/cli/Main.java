package io.powertune.cli;

import picocli.CommandLine;

/** Entry point of the {@code powertune} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line with powertune's error handling: one clear line per error, no stack traces.
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new PowertuneCommand());
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    commandLine.setExecutionExceptionHandler(new FailureHandler());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }
}
