package io.powertune.cli;

import static io.powertune.cli.TunerFixture.input;
import static io.powertune.cli.TunerFixture.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.cli.TunerFixture.FunctionState;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Adaptive sampling end to end on the embedded platform: the race runs in the state machine's
 * rounds (Racer, Round), picks what a fixed num 50 run picks, and spends fewer invocations, which
 * the output counts exactly.
 */
class AdaptiveSamplingIT extends TuningSuite {

  @Test
  void cpuBoundExample_adaptive_picksWhatFixedNum50Picks_withFewerInvocations() throws Exception {
    String arn =
        tuner.deployPython("cpu-python", "app.handler", TunerFixture.example("cpu-python"));
    FunctionState before = tuner.state(tuner.lambda(), "cpu-python");
    ObjectNode fixed = input(arn, 50, 128, 256, 512, 1024).put("strategy", "speed");
    fixed.putObject("payload").put("rounds", 100);
    JsonNode fixedResult = output(tuner.run(fixed));
    int reportsBefore = tuner.reports("cpu-python");
    ObjectNode adaptive = fixed.deepCopy();
    adaptive.remove("num");
    adaptive.put("sampling", "adaptive");

    DescribeExecutionResponse execution = tuner.run(adaptive);

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode result = output(execution);
    assertThat(fixedResult.path("power").asInt()).isEqualTo(1024);
    assertThat(result.path("power").asInt()).isEqualTo(1024);
    JsonNode sampling = result.path("sampling");
    assertThat(sampling.path("mode").asText()).isEqualTo("adaptive");
    assertThat(sampling.path("pick").asInt()).isEqualTo(1024);
    int spent = sampling.path("invocations").asInt();
    assertThat(spent).isLessThan(4 * 50).isEqualTo(tuner.reports("cpu-python") - reportsBefore);
    int perSize = 0;
    for (JsonNode size : result.path("sizes")) {
      int invocations =
          sampling.path("invocationsPerSize").path(size.path("value").asText()).asInt();
      assertThat(size.path("invocations").asInt()).isEqualTo(invocations);
      perSize += invocations;
    }
    assertThat(perSize).isEqualTo(spent);
    assertThat(sampling.path("invocationsPerSize").path("1024").asInt()).isGreaterThanOrEqualTo(5);
    assertThat(sampling.path("rounds").asInt()).isPositive();
    assertThat(sampling.path("confidence").asDouble()).isGreaterThanOrEqualTo(0.95);
    assertThat(sampling.path("stoppedBecause").asText()).isNotEmpty();
    assertThat(sampling.at("/fixedEquivalent/invocations").asLong())
        .isEqualTo(4L * sampling.at("/fixedEquivalent/num").asInt());
    assertThat(sampling.path("sizes")).hasSize(4);
    for (JsonNode size : sampling.path("sizes")) {
      assertThat(size.path("low").asDouble()).isLessThanOrEqualTo(size.path("high").asDouble());
      if (size.path("value").asInt() != 1024) {
        assertThat(size.path("droppedInRound").asInt()).isPositive();
      }
    }
    assertThat(tuner.state(tuner.lambda(), "cpu-python")).isEqualTo(before);
  }
}
