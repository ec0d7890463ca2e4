package io.powertune.cli;

import static io.powertune.cli.TunerFixture.input;
import static io.powertune.cli.TunerFixture.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.cli.TunerFixture.FunctionState;
import io.powertune.platform.Eventually;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LogFormat;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Tuning runs on the embedded platform through the real SDK: the examples get the sizes their
 * nature calls for, and every run leaves the function as it found it.
 */
class TuningIT extends TuningSuite {

  @Test
  void cpuBoundFunction_speed_picksOneVcpuOrMore() throws Exception {
    String arn =
        tuner.deployPython("cpu-python", "app.handler", TunerFixture.example("cpu-python"));
    FunctionState before = tuner.state(tuner.lambda(), "cpu-python");
    ObjectNode input = input(arn, 5, 128, 512, 1769, 3008).put("strategy", "speed");
    input.putObject("payload").put("rounds", 300);

    DescribeExecutionResponse execution = tuner.run(input);

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode result = output(execution);
    assertThat(result.path("power").asInt()).isIn(1769, 3008);
    assertThat(result.path("strategy").asText()).isEqualTo("speed");
    assertThat(result.path("recommendation").asText())
        .startsWith(result.path("power").asInt() + " MB is the fastest of the 4 suitable sizes")
        .contains("against the current 128 MB");
    JsonNode small = result.path("sizes").get(0);
    assertThat(small.path("value").asInt()).isEqualTo(128);
    assertThat(small.path("invocations").asInt()).isEqualTo(5);
    assertThat(small.path("coldStarts").asInt()).isEqualTo(1);
    assertThat(small.path("warmStarts").asInt()).isEqualTo(4);
    assertThat(small.at("/duration/p50").asDouble())
        .isGreaterThan(3 * result.path("sizes").get(3).at("/duration/p50").asDouble());
    assertThat(small.at("/duration/ci95Low").asDouble())
        .isLessThan(small.at("/duration/mean").asDouble());
    assertThat(small.path("maxMemoryUsed").asInt()).isBetween(1, 128);
    assertThat(small.path("initDuration").asDouble()).isPositive();
    assertThat(result.at("/stateMachine/visualization").asText())
        .startsWith("https://lambda-power-tuning.show/#");
    assertThat(tuner.state(tuner.lambda(), "cpu-python")).isEqualTo(before);
  }

  @ParameterizedTest
  @CsvSource({
    "cpu-node, nodejs22.x, index.handler, cpu-node",
    "cpu-java, java21, example.Cpu::handleRequest, cpu-java/target/cpu-java.jar"
  })
  void cpuBoundExampleOnOtherRuntimes_speed_picksOneVcpuOrMore(
      String name, String runtime, String handler, String code) throws Exception {
    String arn =
        tuner.deploy(
            tuner.lambda(),
            name,
            Runtime.fromValue(runtime),
            handler,
            TunerFixture.example(code),
            30);
    FunctionState before = tuner.state(tuner.lambda(), name);
    ObjectNode input = input(arn, 5, 256, 1769).put("strategy", "speed");
    input.putObject("payload").put("rounds", 300);

    DescribeExecutionResponse execution = tuner.run(input);

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(output(execution).path("power").asInt()).isEqualTo(1769);
    assertThat(tuner.state(tuner.lambda(), name)).isEqualTo(before);
  }

  @Test
  void ioBoundFunction_cost_picksTheSmallestSize() throws Exception {
    String arn = tuner.deployPython("io-python", "app.handler", TunerFixture.example("io-python"));
    FunctionState before = tuner.state(tuner.lambda(), "io-python");
    ObjectNode input =
        input(arn, 5, 128, 256, 512, 1024)
            .put("strategy", "cost")
            .put("includeOutputResults", true);
    input.putObject("payload").put("ms", 50);

    DescribeExecutionResponse execution = tuner.run(input);

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode result = output(execution);
    assertThat(result.path("power").asInt()).isEqualTo(128);
    assertThat(result.path("stats")).hasSize(4);
    assertThat(result.at("/stats/0").fieldNames())
        .toIterable()
        .containsExactly("value", "averagePrice", "averageDuration");
    assertThat(tuner.state(tuner.lambda(), "io-python")).isEqualTo(before);
  }

  @Test
  void memoryHungryFunction_isUnsuitableAt128_andTunedAtTheOthers() throws Exception {
    String arn =
        tuner.deployPython("memory-python", "app.handler", TunerFixture.example("memory-python"));
    FunctionState before = tuner.state(tuner.lambda(), "memory-python");

    DescribeExecutionResponse execution = tuner.run(input(arn, 5, 128, 256, 512));

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode result = output(execution);
    JsonNode small = result.path("sizes").get(0);
    assertThat(small.path("unsuitable").asText())
        .startsWith("ran out of memory (Runtime.OutOfMemory) at invocation 1 of 5");
    assertThat(small.path("averageDuration").asDouble()).isZero();
    assertThat(small.path("totalCost").asDouble()).isPositive();
    assertThat(small.at("/errorTypes/Runtime.OutOfMemory").asInt()).isEqualTo(1);
    assertThat(result.path("sizes").get(1).has("unsuitable")).isFalse();
    assertThat(result.path("sizes").get(1).path("invocations").asInt()).isEqualTo(5);
    assertThat(result.path("power").asInt()).isIn(256, 512);
    assertThat(tuner.state(tuner.lambda(), "memory-python")).isEqualTo(before);
  }

  @Test
  void sizeThatTimesOut_isUnsuitable_andTheOthersAreTuned() throws Exception {
    String arn =
        tuner.deploy(
            tuner.lambda(),
            "slow-at-128",
            Runtime.PYTHON3_12,
            "app.handler",
            TunerFixture.example("cpu-python"),
            1);
    ObjectNode input = input(arn, 5, 128, 1769);
    input.putObject("payload").put("rounds", 3000); // about 2 s at 128 MB, 0.15 s at 1769 MB

    DescribeExecutionResponse execution = tuner.runLeavingAsFound("slow-at-128", input);

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode result = output(execution);
    assertThat(result.at("/sizes/0/unsuitable").asText())
        .startsWith("timed out (Sandbox.Timedout) at invocation 1 of 5 after 1000 ms");
    assertThat(result.path("power").asInt()).isEqualTo(1769);
  }

  @Test
  void functionInAnotherRegion_isTunedByTheStateMachineInUsEast1() throws Exception {
    LambdaClient ireland = tuner.lambda(Region.EU_WEST_1);
    String arn =
        tuner.deploy(
            ireland,
            "io-ireland",
            Runtime.PYTHON3_12,
            "app.handler",
            TunerFixture.example("io-python"),
            30);
    FunctionState before = tuner.state(ireland, "io-ireland");

    DescribeExecutionResponse execution = tuner.run(input(arn, 5, 128, 256));

    assertThat(arn).startsWith("arn:aws:lambda:eu-west-1:");
    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(output(execution).path("power").asInt()).isEqualTo(128);
    assertThat(tuner.state(ireland, "io-ireland")).isEqualTo(before);
  }

  @Test
  void jsonLogFormat_warmInvocationsAreMeasured() throws Exception {
    String arn =
        tuner.deployPython("json-logs", "app.echo", TunerFixture.testFunction("echo-python"));
    tuner
        .lambda()
        .updateFunctionConfiguration(
            r -> r.functionName("json-logs").loggingConfig(l -> l.logFormat(LogFormat.JSON)));
    tuner.lambda().waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("json-logs"));
    FunctionState before = tuner.state(tuner.lambda(), "json-logs");

    DescribeExecutionResponse execution = tuner.run(input(arn, 5, 128, 256));

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode sizes = output(execution).path("sizes");
    for (JsonNode size : sizes) {
      assertThat(size.path("warmStarts").asInt()).isEqualTo(4);
      assertThat(size.path("averageDuration").asDouble()).isPositive();
    }
    assertThat(tuner.state(tuner.lambda(), "json-logs")).isEqualTo(before);
  }

  @Test
  void parallelRunsThrottledByReservedConcurrency_retryAndMeasureEachInvocationOnce()
      throws Exception {
    String arn =
        tuner.deployPython("throttled", "app.echo", TunerFixture.testFunction("echo-python"));
    tuner
        .lambda()
        .putFunctionConcurrency(r -> r.functionName("throttled").reservedConcurrentExecutions(1));
    FunctionState before = tuner.state(tuner.lambda(), "throttled");
    ObjectNode input = input(arn, 6, 128, 256).put("parallelInvocation", true);
    input.putObject("payload").put("ms", 100);

    DescribeExecutionResponse execution = tuner.run(input);

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    int throttles = 0;
    for (JsonNode size : output(execution).path("sizes")) {
      assertThat(size.path("invocations").asInt()).isEqualTo(6);
      assertThat(size.path("errors").asInt()).isZero();
      throttles += size.path("throttles").asInt();
    }
    assertThat(throttles).as("invocations throttled and retried").isPositive();
    Eventually.until(
        "12 REPORT lines", Duration.ofSeconds(10), () -> tuner.reports("throttled") == 12);
    assertThat(tuner.state(tuner.lambda(), "throttled")).isEqualTo(before);
  }
}
