package io.powertune.cli;

import static io.powertune.cli.TunerFixture.input;
import static io.powertune.cli.TunerFixture.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.cli.TunerFixture.FunctionState;
import io.powertune.platform.Eventually;
import io.powertune.platform.Zips;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** Every input of the original, through StartExecution on the embedded platform. */
class TuningInputsIT extends TuningSuite {

  private String echo(String name) {
    return tuner.deployPython(name, "app.echo", TunerFixture.testFunction("echo-python"));
  }

  private List<String> payloadsLogged(String function) {
    return tuner.logLines(function, "payload ").stream()
        .map(line -> line.substring(line.indexOf("payload ") + 8).strip())
        .toList();
  }

  @Test
  void weightedPayloads_areSentInTheirProportions() throws Exception {
    String arn = echo("weighted");
    ObjectNode input = input(arn, 8, 128);
    ArrayNode payload = input.putArray("payload");
    payload.addObject().put("weight", 1).putObject("payload").put("kind", "small");
    payload.addObject().put("weight", 3).putObject("payload").put("kind", "large");

    DescribeExecutionResponse execution = tuner.runLeavingAsFound("weighted", input);

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    Eventually.until(
        "8 payloads logged", Duration.ofSeconds(10), () -> payloadsLogged("weighted").size() == 8);
    assertThat(payloadsLogged("weighted")).filteredOn(p -> p.contains("small")).hasSize(2);
    assertThat(payloadsLogged("weighted")).filteredOn(p -> p.contains("large")).hasSize(6);
  }

  @Test
  void onlyColdStarts_everyInvocationStartsAnEnvironment_andEveryVersionIsDeleted()
      throws Exception {
    String arn = echo("cold");
    FunctionState before = tuner.state(tuner.lambda(), "cold");

    DescribeExecutionResponse execution =
        tuner.run(input(arn, 5, 128, 256).put("onlyColdStarts", true));

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    for (JsonNode size : output(execution).path("sizes")) {
      assertThat(size.path("coldStarts").asInt()).isEqualTo(5);
      assertThat(size.path("warmStarts").asInt()).isZero();
    }
    assertThat(tuner.state(tuner.lambda(), "cold")).isEqualTo(before);
  }

  @Test
  void dryRun_invokesOncePerSize_andOutputsNull() throws Exception {
    String arn = echo("dry");
    FunctionState before = tuner.state(tuner.lambda(), "dry");

    DescribeExecutionResponse execution =
        tuner.run(input(arn, 10, 128, 256, 512).put("dryRun", true));

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(output(execution).isNull()).isTrue();
    Eventually.until("3 invocations", Duration.ofSeconds(10), () -> tuner.reports("dry") == 3);
    assertThat(tuner.state(tuner.lambda(), "dry")).isEqualTo(before);
  }

  @Test
  void autoOptimizeWithAlias_pointsTheAliasAtTheChosenSize() throws Exception {
    String arn = echo("optimized");
    tuner.lambda().updateFunctionConfiguration(r -> r.functionName("optimized").memorySize(1024));
    tuner.lambda().waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("optimized"));
    FunctionState before = tuner.state(tuner.lambda(), "optimized");

    DescribeExecutionResponse execution =
        tuner.run(
            input(arn, 5, 128, 256)
                .put("strategy", "cost")
                .put("autoOptimize", true)
                .put("autoOptimizeAlias", "prod"));

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    int power = output(execution).path("power").asInt();
    FunctionState after = tuner.state(tuner.lambda(), "optimized");
    assertThat(power).isIn(128, 256);
    assertThat(after.aliases()).containsOnlyKeys("prod");
    GetAliasResponse prod = tuner.lambda().getAlias(r -> r.functionName("optimized").name("prod"));
    assertThat(
            tuner
                .lambda()
                .getFunctionConfiguration(
                    r -> r.functionName("optimized").qualifier(prod.functionVersion()))
                .memorySize())
        .isEqualTo(power);
    assertThat(after.memory()).isEqualTo(power);
    assertThat(after.versions()).hasSize(before.versions().size() + 1);
    assertThat(after.codeSha256()).isEqualTo(before.codeSha256());
  }

  @Test
  void preAndPostProcessors_runAroundEveryInvocation() throws Exception {
    String arn = echo("processed");
    String pre =
        tuner.deployPython("pre-processor", "app.pre", TunerFixture.testFunction("echo-python"));
    String post =
        tuner.deployPython("post-processor", "app.post", TunerFixture.testFunction("echo-python"));
    ObjectNode input = input(arn, 5, 128).put("preProcessorARN", pre).put("postProcessorARN", post);
    input.putObject("payload").put("n", 7);

    DescribeExecutionResponse execution = tuner.runLeavingAsFound("processed", input);

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    Eventually.until(
        "5 processed payloads",
        Duration.ofSeconds(10),
        () -> payloadsLogged("processed").size() == 5);
    assertThat(payloadsLogged("processed")).containsOnly("{\"from\": \"pre\", \"n\": 7}");
    Eventually.until(
        "5 post-processed results",
        Duration.ofSeconds(10),
        () -> tuner.logLines("post-processor", "post got").size() == 5);
    assertThat(tuner.logLines("post-processor", "post got"))
        .allMatch(line -> line.contains("{\"from\": \"pre\", \"n\": 7}"));
  }

  @Test
  void sleepBetweenRuns_spacesTheSerialInvocations() throws Exception {
    String arn = echo("paced");

    DescribeExecutionResponse execution =
        tuner.runLeavingAsFound("paced", input(arn, 5, 128).put("sleepBetweenRunsMs", 200));

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    Eventually.until("5 starts", Duration.ofSeconds(10), () -> marks("paced", "START").size() == 5);
    List<Long> starts = marks("paced", "START");
    for (int i = 1; i < starts.size(); i++) {
      assertThat(starts.get(i) - starts.get(i - 1)).isGreaterThanOrEqualTo(200);
    }
  }

  /** When each START (or END) line of the function was written, in order. */
  private List<Long> marks(String function, String line) {
    try (var logs = tuner.platform().logs()) {
      return logs
          .filterLogEventsPaginator(
              r ->
                  r.logGroupName("/aws/lambda/" + function)
                      .filterPattern("\"" + line + " RequestId\""))
          .events()
          .stream()
          .map(e -> e.timestamp())
          .sorted()
          .toList();
    }
  }

  @Test
  void maxParallelInvocations_capsAParallelSizesInvocationsInFlight() throws Exception {
    String arn = echo("capped");
    ObjectNode input =
        input(arn, 6, 128).put("parallelInvocation", true).put("maxParallelInvocations", 2);
    input.putObject("payload").put("ms", 300);

    DescribeExecutionResponse execution = tuner.runLeavingAsFound("capped", input);

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    Eventually.until("6 ends", Duration.ofSeconds(10), () -> marks("capped", "END").size() == 6);
    assertThat(mostAtOnce(marks("capped", "START"), marks("capped", "END"))).isEqualTo(2);
  }

  @Test
  void concurrentSizes_oneByDefaultOnThisPlatform_allWithZero() throws Exception {
    String arn = echo("sizes");
    ObjectNode input = input(arn, 5, 128, 256, 512);
    input.putObject("payload").put("ms", 50);

    DescribeExecutionResponse oneAtATime = tuner.runLeavingAsFound("sizes", input);
    DescribeExecutionResponse allAtOnce =
        tuner.runLeavingAsFound("sizes", input.deepCopy().put("concurrentSizes", 0));

    assertThat(iterationsAtOnce(oneAtATime)).isEqualTo(1);
    assertThat(iterationsAtOnce(allAtOnce)).isEqualTo(3);
  }

  /** The most Map iterations running at once, from the execution's history. */
  private int iterationsAtOnce(DescribeExecutionResponse execution) {
    int running = 0;
    int most = 0;
    for (HistoryEvent event :
        tuner
            .sfn()
            .getExecutionHistoryPaginator(r -> r.executionArn(execution.executionArn()))
            .events()) {
      if (event.type() == HistoryEventType.MAP_ITERATION_STARTED) {
        most = Math.max(most, ++running);
      } else if (event.type() == HistoryEventType.MAP_ITERATION_SUCCEEDED) {
        running--;
      }
    }
    return most;
  }

  /** The most invocations running at once, sweeping their start and end times in order. */
  private static int mostAtOnce(List<Long> starts, List<Long> ends) {
    int running = 0;
    int most = 0;
    int s = 0;
    int e = 0;
    while (s < starts.size()) {
      if (e < ends.size() && ends.get(e) <= starts.get(s)) {
        running--;
        e++;
      } else {
        most = Math.max(most, ++running);
        s++;
      }
    }
    return most;
  }

  @Test
  void aliasOfLatestsCode_isTuned_andTheAliasIsLeftAlone() throws Exception {
    String arn = echo("qualified");
    String version = tuner.lambda().publishVersion(r -> r.functionName("qualified")).version();
    tuner
        .lambda()
        .createAlias(r -> r.functionName("qualified").name("live").functionVersion(version));
    FunctionState before = tuner.state(tuner.lambda(), "qualified");

    DescribeExecutionResponse execution = tuner.run(input(arn + ":live", 5, 128, 256));

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(output(execution).path("sizes")).hasSize(2);
    assertThat(tuner.state(tuner.lambda(), "qualified")).isEqualTo(before);
  }

  @Test
  void versionWithOtherCode_stopsBeforePublishingAnything() throws Exception {
    String arn = echo("diverged");
    String version = tuner.lambda().publishVersion(r -> r.functionName("diverged")).version();
    tuner
        .lambda()
        .updateFunctionCode(
            r ->
                r.functionName("diverged")
                    .zipFile(Zips.ofFile("app.py", "def echo(event, context):\n    return 1\n")));
    tuner.lambda().waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("diverged"));
    FunctionState before = tuner.state(tuner.lambda(), "diverged");

    DescribeExecutionResponse execution = tuner.run(input(arn + ":" + version, 5, 128, 256));

    assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(execution.error()).isEqualTo("io.powertune.analyzer.model.InvalidInputException");
    assertThat(execution.cause()).contains("lambdaARN: " + version + " runs version " + version);
    assertThat(tuner.state(tuner.lambda(), "diverged")).isEqualTo(before);
  }

  @Test
  void allowedExceptions_countTheirInvocations_otherErrorsMakeTheSizeUnsuitable() throws Exception {
    String arn = tuner.deployPython("flaky", "app.flaky", TunerFixture.testFunction("echo-python"));

    DescribeExecutionResponse allowed =
        tuner.runLeavingAsFound(
            "flaky",
            input(arn, 6, 128)
                .set("allowedExceptions", TunerFixture.JSON.valueToTree(List.of("HandledError"))));
    DescribeExecutionResponse refused =
        tuner.runLeavingAsFound("flaky", input(arn, 6, 128, 256).put("strategy", "cost"));

    JsonNode counted = output(allowed).path("sizes").get(0);
    assertThat(counted.path("invocations").asInt()).isEqualTo(6);
    assertThat(counted.at("/errorTypes/HandledError").asInt()).isEqualTo(3);
    assertThat(counted.has("unsuitable")).isFalse();
    assertThat(refused.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(refused.error()).isEqualTo("io.powertune.analyzer.tuning.NoSuitableSizeException");
    assertThat(refused.cause())
        .contains("128 MB failed with HandledError: expected now and then at invocation 2 of 6");
  }
}
