package io.powertune.cli;

import static io.powertune.cli.TunerFixture.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.cli.TunerFixture.FunctionState;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The original's documented execution inputs run unchanged on the powertune state machine. */
class OriginalInputsIT extends TuningSuite {

  private String deploy(String function) {
    return tuner.deployPython(function, "app.echo", TunerFixture.testFunction("echo-python"));
  }

  private static ObjectNode input(String file, String arn) throws Exception {
    ObjectNode input;
    try (InputStream in = OriginalInputsIT.class.getResourceAsStream("/original-inputs/" + file)) {
      input = (ObjectNode) TunerFixture.JSON.readTree(in);
    }
    return input.put("lambdaARN", arn);
  }

  @Test
  void sampleExecutionInput_parallelBalanced_succeedsInTheOriginalsShape() throws Exception {
    DescribeExecutionResponse execution =
        tuner.runLeavingAsFound(
            "prime-numbers", input("sample-execution-input.json", deploy("prime-numbers")));

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode result = output(execution);
    assertThat(result.path("power").asInt()).isIn(128, 256, 512, 1024, 2048, 3008);
    assertThat(result.path("cost").asDouble()).isPositive();
    assertThat(result.path("duration").asDouble()).isPositive();
    assertThat(result.at("/stateMachine/executionCost").asDouble()).isPositive();
    assertThat(result.at("/stateMachine/lambdaCost").asDouble()).isPositive();
    assertThat(result.path("strategy").asText()).isEqualTo("balanced");
    for (JsonNode size : result.path("sizes")) {
      assertThat(size.path("invocations").asInt()).isEqualTo(50);
    }
  }

  @Test
  void ciCdInput_autoOptimizesTheProdAlias() throws Exception {
    String arn = deploy("ci-cd");
    tuner.lambda().updateFunctionConfiguration(r -> r.functionName("ci-cd").memorySize(2048));
    tuner.lambda().waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("ci-cd"));

    DescribeExecutionResponse execution = tuner.run(input("ci-cd.json", arn));

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    int power = output(execution).path("power").asInt();
    FunctionState after = tuner.state(tuner.lambda(), "ci-cd");
    assertThat(power).isIn(128, 256, 512);
    assertThat(after.memory()).isEqualTo(power);
    assertThat(after.aliases()).containsOnlyKeys("prod");
    assertThat(
            tuner
                .lambda()
                .getFunctionConfiguration(
                    r -> r.functionName("ci-cd").qualifier(after.aliases().get("prod")))
                .memorySize())
        .isEqualTo(power);
  }

  @Test
  void weightedPayloadInput_succeeds_andLeavesTheFunctionAsItWas() throws Exception {
    String arn = deploy("weighted-doc");

    DescribeExecutionResponse execution =
        tuner.runLeavingAsFound("weighted-doc", input("weighted-payloads.json", arn));

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(output(execution).path("sizes")).hasSize(6);
  }
}
