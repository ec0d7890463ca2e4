package io.powertune.cli;

import io.powertune.analyzer.model.InvalidInputException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** {@code powertune function invoke}: one synchronous invocation. */
@Command(
    name = "invoke",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Invokes the function once and prints its response; with --log, the end of its log"
            + " (on standard error). Exits 3 when the function failed.")
public final class FunctionInvokeCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  private final Map<String, String> environment;

  public FunctionInvokeCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "The function (name or ARN, :qualifier too).")
  private String name;

  @Option(names = "--payload", paramLabel = "JSON|@FILE", description = "The event (default {}).")
  private String payload;

  @Option(names = "--log", description = "Print the invocation's log (its last 4 KB).")
  private boolean log;

  @Mixin private EndpointOptions platform;

  @Override
  public Integer call() throws Exception {
    String body = payload == null ? "{}" : TuneInput.payload(payload).toString();
    try (FunctionSession session =
        FunctionSession.open(platform, environment, spec.commandLine().getErr())) {
      InvokeResponse response;
      try {
        response =
            session
                .lambda()
                .invoke(
                    r ->
                        r.functionName(name)
                            .payload(SdkBytes.fromUtf8String(body))
                            .logType(log ? LogType.TAIL : LogType.NONE));
      } catch (ResourceNotFoundException e) {
        throw session.notFound(name, e);
      } catch (InvalidRequestContentException | RequestTooLargeException e) {
        throw new InvalidInputException("--payload", e.awsErrorDetails().errorMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(response.payload().asUtf8String());
      out.flush();
      if (log && response.logResult() != null) {
        PrintWriter err = spec.commandLine().getErr();
        err.print(
            new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8));
        err.flush();
      }
      return response.functionError() == null ? ExitCodes.OK : ExitCodes.TUNING_FAILED;
    }
  }
}
