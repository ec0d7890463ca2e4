package io.powertune.cli;

import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.cli.install.FunctionDeployer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/** {@code powertune function deploy}: creates or updates a function from a folder or zip. */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Creates the function, or updates its code and settings, from a folder or a zip.")
public final class FunctionDeployCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  private final Map<String, String> environment;

  public FunctionDeployCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Parameters(index = "0", paramLabel = "NAME", description = "The function's name.")
  private String name;

  @Parameters(index = "1", paramLabel = "PATH", description = "A folder, or a .zip or .jar file.")
  private Path code;

  @Option(
      names = "--runtime",
      required = true,
      paramLabel = "RUNTIME",
      description = "e.g. python3.12")
  private String runtime;

  @Option(
      names = "--handler",
      required = true,
      paramLabel = "HANDLER",
      description = "e.g. app.handler")
  private String handler;

  @Option(
      names = "--memory",
      paramLabel = "MB",
      description = "Memory size (default 128 for a new function).")
  private Integer memory;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Timeout (default 60 for a new function).")
  private Integer timeout;

  @Mixin private EndpointOptions platform;

  @Override
  public Integer call() throws Exception {
    try (FunctionSession session =
        FunctionSession.open(platform, environment, spec.commandLine().getErr())) {
      new FunctionDeployer(session.lambda()).deploy(name, code, runtime, handler, memory, timeout);
      var config = session.lambda().getFunctionConfiguration(r -> r.functionName(name));
      spec.commandLine()
          .getOut()
          .println(
              config.functionArn()
                  + " ("
                  + config.runtimeAsString()
                  + ", "
                  + config.memorySize()
                  + " MB)");
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    } catch (LambdaException e) {
      throw new InvalidInputException(
          "PATH",
          "the platform refused "
              + code
              + " as "
              + name
              + ": "
              + e.awsErrorDetails().errorMessage());
    }
  }
}
