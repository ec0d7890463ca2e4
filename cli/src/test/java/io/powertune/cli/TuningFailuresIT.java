package io.powertune.cli;

import static io.powertune.cli.TunerFixture.input;
import static io.powertune.cli.TunerFixture.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.cli.TunerFixture.FunctionState;
import io.powertune.cli.install.InstallSettings;
import io.powertune.platform.Eventually;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** Runs that fail end FAILED with their cause, and still leave the function as it was. */
class TuningFailuresIT extends TuningSuite {

  private String deploy(String name, String handler) {
    return tuner.deployPython(name, handler, TunerFixture.testFunction("echo-python"));
  }

  @Test
  void everySizeFails_runFailsWithEachReason_andCleansUp() throws Exception {
    String arn = deploy("always-fails", "app.fail");
    FunctionState before = tuner.state(tuner.lambda(), "always-fails");

    DescribeExecutionResponse execution = tuner.run(input(arn, 5, 128, 256));

    assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(execution.error()).isEqualTo("io.powertune.analyzer.tuning.NoSuitableSizeException");
    assertThat(execution.cause())
        .contains(
            "128 MB failed with RuntimeError: this function always fails at invocation 1 of 5")
        .contains("256 MB failed with RuntimeError");
    assertThat(tuner.state(tuner.lambda(), "always-fails")).isEqualTo(before);
  }

  @Test
  void preProcessorFails_runFailsWithItsCause_afterCleaningUp() throws Exception {
    String arn = deploy("pre-target", "app.echo");
    String pre = deploy("broken-pre", "app.fail");
    FunctionState before = tuner.state(tuner.lambda(), "pre-target");

    DescribeExecutionResponse execution =
        tuner.run(input(arn, 5, 128, 256).put("preProcessorARN", pre));

    assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(execution.error()).isEqualTo("io.powertune.tuner.execute.ProcessorFailedException");
    assertThat(execution.cause())
        .contains("Pre-processor " + pre + " failed with payload null: RuntimeError");
    assertThat(tuner.state(tuner.lambda(), "pre-target")).isEqualTo(before);
    assertThat(stateNames(execution)).contains("CleanUpOnError", "Failed");
  }

  @Test
  void payloadFromS3_isRefusedClearly_beforeAnythingIsPublished() throws Exception {
    String arn = deploy("s3-payload", "app.echo");
    FunctionState before = tuner.state(tuner.lambda(), "s3-payload");

    DescribeExecutionResponse execution =
        tuner.run(input(arn, 5, 128).put("payloadS3", "s3://my-bucket/payload.json"));

    assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(execution.error()).isEqualTo("io.powertune.analyzer.model.InvalidInputException");
    assertThat(execution.cause())
        .contains(
            "payloadS3: cannot read s3://my-bucket/payload.json from "
                + tuner.platform().endpoint())
        .contains("give the payload inline with payload instead");
    assertThat(tuner.state(tuner.lambda(), "s3-payload")).isEqualTo(before);
    assertThat(stateNames(execution)).doesNotContain("Publisher");
  }

  @Test
  void invalidStrategy_isRefusedBeforeAnythingIsPublishedOrInvoked() throws Exception {
    String arn = deploy("bad-strategy", "app.echo");
    FunctionState before = tuner.state(tuner.lambda(), "bad-strategy");

    DescribeExecutionResponse execution = tuner.run(input(arn, 5, 128).put("strategy", "fastest"));

    assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(execution.cause())
        .contains("strategy: unknown strategy 'fastest'; use one of cost, speed, balanced");
    assertThat(tuner.reports("bad-strategy")).isZero();
    assertThat(tuner.state(tuner.lambda(), "bad-strategy")).isEqualTo(before);
  }

  @Test
  void aliasNamedLikeATuningAlias_isTheUsers_andStopsTheRun() throws Exception {
    String arn = deploy("has-ram-alias", "app.echo");
    String version = tuner.lambda().publishVersion(r -> r.functionName("has-ram-alias")).version();
    tuner
        .lambda()
        .createAlias(r -> r.functionName("has-ram-alias").name("RAM128").functionVersion(version));
    FunctionState before = tuner.state(tuner.lambda(), "has-ram-alias");

    DescribeExecutionResponse execution = tuner.run(input(arn, 5, 128, 256));

    assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(execution.cause())
        .contains(
            "the function has an alias RAM128 (version " + version + ") that no tuning created");
    assertThat(tuner.state(tuner.lambda(), "has-ram-alias")).isEqualTo(before);
  }

  @Test
  void usersVersionWithTheSameConfiguration_survivesTheRun() throws Exception {
    String arn = deploy("published", "app.echo");
    tuner.lambda().publishVersion(r -> r.functionName("published"));
    FunctionState before = tuner.state(tuner.lambda(), "published");

    DescribeExecutionResponse execution = tuner.run(input(arn, 5, 128, 256));

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(before.versions()).containsExactly("$LATEST", "1");
    assertThat(tuner.state(tuner.lambda(), "published")).isEqualTo(before);
  }

  @Test
  void executorOutOfTime_returnsItsProgress_andTheNextCallRunsOnlyWhatIsLeft() throws Exception {
    String arn =
        tuner.deployPython("long-running", "app.handler", TunerFixture.example("io-python"));
    // the steps' timeout is the install's: the state machine calls their published versions
    tuner.install(InstallSettings.inPlatform().withTimeout(9));
    try {
      ObjectNode input = input(arn, 5, 128);
      // each call has 9 s; after one invocation of 2.5 s it keeps 3 s + twice that in reserve,
      // so it returns its progress and the workflow calls it again
      input.putObject("payload").put("ms", 2500);

      DescribeExecutionResponse execution = tuner.runLeavingAsFound("long-running", input);

      assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      JsonNode size = output(execution).path("sizes").get(0);
      assertThat(size.path("invocations").asInt()).isEqualTo(5);
      assertThat(size.path("executorCalls").asInt()).isGreaterThan(1);
      Eventually.until(
          "5 REPORT lines", Duration.ofSeconds(10), () -> tuner.reports("long-running") == 5);
      assertThat(stateNames(execution).stream().filter("Executor"::equals).count())
          .isEqualTo(size.path("executorCalls").asLong());
    } finally {
      tuner.install(InstallSettings.inPlatform());
    }
  }

  private java.util.List<String> stateNames(DescribeExecutionResponse execution) {
    return tuner
        .sfn()
        .getExecutionHistoryPaginator(r -> r.executionArn(execution.executionArn()))
        .events()
        .stream()
        .filter(
            e ->
                e.type() == HistoryEventType.TASK_STATE_ENTERED
                    || e.type() == HistoryEventType.FAIL_STATE_ENTERED)
        .map(HistoryEvent::stateEnteredEventDetails)
        .map(d -> d.name())
        .toList();
  }
}
