package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.cli.install.FunctionDeployer;
import io.powertune.cli.install.InstallSettings;
import io.powertune.cli.install.PlatformRoles;
import io.powertune.cli.install.TrustedTuner;
import io.powertune.cli.install.TunerInstaller;
import io.powertune.cli.install.TunerPackage;
import io.powertune.platform.PlatformFixture;
import io.powertune.platform.Zips;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * A platform with the tuner installed, as {@code powertune tune} leaves it: the workflow's
 * functions run in the platform's JVM, the functions they tune in processes of their own.
 */
final class TunerFixture implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger EXECUTIONS = new AtomicInteger();

  private final Path stateDir;
  private final PlatformFixture platform;
  private final LambdaClient lambda;
  private final SfnClient sfn;
  private final String stateMachineArn;

  TunerFixture(Path stateDir) throws Exception {
    this.stateDir = stateDir;
    platform =
        new PlatformFixture(
            PlatformFixture.config(stateDir).withTrustedHandlers(TrustedTuner.handlers()));
    lambda = platform.lambda();
    sfn = platform.sfn();
    stateMachineArn = install(InstallSettings.inPlatform());
  }

  /** Installs the tuner (again) with {@code settings}; returns the state machine's ARN. */
  String install(InstallSettings settings) {
    return new TunerInstaller(
            lambda, sfn, platform.logs(), new PlatformRoles(), TunerPackage.shipped(), settings)
        .install()
        .stateMachineArn();
  }

  Path stateDir() {
    return stateDir;
  }

  PlatformFixture platform() {
    return platform;
  }

  LambdaClient lambda() {
    return lambda;
  }

  LambdaClient lambda(Region region) {
    return platform.lambda(region);
  }

  SfnClient sfn() {
    return sfn;
  }

  String stateMachineArn() {
    return stateMachineArn;
  }

  /** An example of the repository's {@code examples/functions}. */
  static Path example(String name) {
    return Path.of("..", "examples", "functions", name).toAbsolutePath().normalize();
  }

  /** This module's test functions. */
  static Path testFunction(String name) {
    return Zips.testFunction(name);
  }

  /** Creates a function from a folder or a zip (or jar) file, and returns its ARN. */
  String deploy(
      LambdaClient client, String name, Runtime runtime, String handler, Path code, int timeout) {
    String arn =
        client
            .createFunction(
                r ->
                    r.functionName(name)
                        .runtime(runtime)
                        .handler(handler)
                        .role(PlatformFixture.ROLE)
                        .memorySize(128)
                        .timeout(timeout)
                        .code(
                            c ->
                                c.zipFile(
                                    SdkBytes.fromByteArray(FunctionDeployer.packageOf(code)))))
            .functionArn();
    client.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
    return arn;
  }

  String deployPython(String name, String handler, Path code) {
    return deploy(lambda, name, Runtime.PYTHON3_12, handler, code, 30);
  }

  /** Starts an execution of the tuner with this input and waits for its end. */
  DescribeExecutionResponse run(JsonNode input) throws InterruptedException {
    String arn =
        sfn.startExecution(
                r ->
                    r.stateMachineArn(stateMachineArn)
                        .name("run-" + EXECUTIONS.incrementAndGet())
                        .input(input.toString()))
            .executionArn();
    return new ExecutionFollower(sfn, platform.endpoint().toString()).awaitEnd(arn);
  }

  /**
   * Runs the tuner on a function of us-east-1 and checks that the run, successful or not, left no
   * alias and no new version behind and $LATEST as it was.
   */
  DescribeExecutionResponse runLeavingAsFound(String function, JsonNode input)
      throws InterruptedException {
    FunctionState before = state(lambda, function);
    DescribeExecutionResponse execution = run(input);
    assertThat(state(lambda, function)).as("the function after the run").isEqualTo(before);
    return execution;
  }

  /** The execution's output. */
  static JsonNode output(DescribeExecutionResponse execution) throws Exception {
    return JSON.readTree(execution.output());
  }

  static ObjectNode input(String lambdaArn, int num, int... powers) {
    ObjectNode input = JSON.createObjectNode().put("lambdaARN", lambdaArn).put("num", num);
    var array = input.putArray("powerValues");
    for (int power : powers) {
      array.add(power);
    }
    return input;
  }

  /** What a tuning must leave as it found it. */
  record FunctionState(
      int memory,
      String description,
      String codeSha256,
      int timeout,
      List<String> versions,
      Map<String, String> aliases) {}

  FunctionState state(LambdaClient client, String name) {
    GetFunctionConfigurationResponse latest =
        client.getFunctionConfiguration(r -> r.functionName(name));
    return new FunctionState(
        latest.memorySize(),
        latest.description(),
        latest.codeSha256(),
        latest.timeout(),
        client.listVersionsByFunctionPaginator(r -> r.functionName(name)).versions().stream()
            .map(FunctionConfiguration::version)
            .toList(),
        client.listAliasesPaginator(r -> r.functionName(name)).aliases().stream()
            .collect(
                Collectors.toMap(AliasConfiguration::name, AliasConfiguration::functionVersion)));
  }

  /** The messages of a function's log events that contain {@code term}; none if it never ran. */
  List<String> logLines(String function, String term) {
    try (CloudWatchLogsClient logs = platform.logs()) {
      if (logs
          .describeLogGroups(r -> r.logGroupNamePrefix("/aws/lambda/" + function))
          .logGroups()
          .stream()
          .noneMatch(g -> g.logGroupName().equals("/aws/lambda/" + function))) {
        return List.of();
      }
      return logs
          .filterLogEventsPaginator(
              r -> r.logGroupName("/aws/lambda/" + function).filterPattern("\"" + term + "\""))
          .events()
          .stream()
          .map(FilteredLogEvent::message)
          .toList();
    }
  }

  /** How many invocations of the function reported (one REPORT line each). */
  int reports(String function) {
    return (int) logLines(function, "REPORT").stream().filter(m -> m.startsWith("REPORT ")).count();
  }

  @Override
  public void close() {
    platform.close();
  }
}
