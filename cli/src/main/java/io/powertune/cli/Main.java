package io.powertune.cli;

import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;

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
    return commandLine(System.getenv());
  }

  /** The command line, reading defaults (AWS_REGION) from {@code environment}. */
  public static CommandLine commandLine(Map<String, String> environment) {
    CommandLine commandLine = new CommandLine(new PowertuneCommand());
    commandLine.addSubcommand("analyze", new AnalyzeCommand(environment));
    commandLine.addSubcommand("tune", new TuneCommand(environment, Clock.systemUTC()));
    commandLine.addSubcommand("report", new ReportCommand(environment));
    commandLine.addSubcommand(
        "function",
        new CommandLine(new FunctionCommand())
            .addSubcommand("deploy", new FunctionDeployCommand(environment))
            .addSubcommand("list", new FunctionListCommand(environment))
            .addSubcommand("invoke", new FunctionInvokeCommand(environment))
            .addSubcommand("logs", new FunctionLogsCommand(environment, Clock.systemUTC()))
            .addSubcommand("delete", new FunctionDeleteCommand(environment)));
    commandLine.addSubcommand("install", new InstallCommand(environment));
    commandLine.addSubcommand("uninstall", new UninstallCommand(environment));
    commandLine.addSubcommand("demo", new DemoCommand(Clock.systemUTC()));
    commandLine.addSubcommand("platform", new PlatformCommand());
    commandLine.addSubcommand("help", new HelpCommand());
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    commandLine.setExecutionExceptionHandler(new FailureHandler());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }
}
