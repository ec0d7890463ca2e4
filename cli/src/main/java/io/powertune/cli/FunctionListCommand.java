package io.powertune.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** {@code powertune function list}: the functions of a region. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Lists the functions: name, runtime, memory size, timeout, last modified.")
public final class FunctionListCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  private final Map<String, String> environment;

  public FunctionListCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Mixin private EndpointOptions platform;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (FunctionSession session =
        FunctionSession.open(platform, environment, spec.commandLine().getErr())) {
      out.println(
          String.format(
              Locale.ROOT,
              "%-40s %-16s %8s %8s  %s",
              "name",
              "runtime",
              "memory",
              "timeout",
              "last modified"));
      for (FunctionConfiguration f : session.lambda().listFunctionsPaginator().functions()) {
        out.println(
            String.format(
                Locale.ROOT,
                "%-40s %-16s %5d MB %6d s  %s",
                f.functionName(),
                f.runtimeAsString(),
                f.memorySize(),
                f.timeout(),
                f.lastModified()));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
