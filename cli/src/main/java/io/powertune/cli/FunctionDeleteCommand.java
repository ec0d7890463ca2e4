package io.powertune.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** {@code powertune function delete}: deletes a function, or one version of it. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Deletes the function (with NAME:VERSION, only that version).")
public final class FunctionDeleteCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  private final Map<String, String> environment;

  public FunctionDeleteCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Parameters(index = "0", paramLabel = "NAME", description = "The function's name.")
  private String name;

  @Mixin private EndpointOptions platform;

  @Override
  public Integer call() throws Exception {
    try (FunctionSession session =
        FunctionSession.open(platform, environment, spec.commandLine().getErr())) {
      try {
        session.lambda().deleteFunction(r -> r.functionName(name));
      } catch (ResourceNotFoundException e) {
        throw session.notFound(name, e);
      }
      spec.commandLine().getOut().println("deleted " + name);
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }
}
