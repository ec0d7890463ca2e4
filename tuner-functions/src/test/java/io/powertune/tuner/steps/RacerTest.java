package io.powertune.tuner.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.tuner.TunerJson;
import io.powertune.tuner.aws.TunerEnvironment;
import io.powertune.tuner.execute.Progress;
import io.powertune.tuner.execute.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The Racer step between rounds, driven as the workflow drives it: its output's {@code items} are
 * measured (here by a duration table instead of a function) and written back over the items, as the
 * Round map's ResultPath does.
 */
class RacerTest {

  private final Racer racer =
      new Racer(
          TunerEnvironment.of(Map.of("AWS_ACCESS_KEY_ID", "AKID", "AWS_SECRET_ACCESS_KEY", "s")));

  private static ObjectNode state() {
    ObjectNode input =
        TunerJson.MAPPER
            .createObjectNode()
            .put("lambdaARN", "arn:aws:lambda:us-east-1:123456789012:function:f")
            .put("sampling", "adaptive")
            .put("strategy", "speed");
    ArrayNode powers = input.putArray("powerValues");
    List.of(128, 512, 1024).forEach(powers::add);
    return input;
  }

  /** A size's durations: 128 MB 8 times slower than 1024 MB, a little noise by index. */
  private static double duration(int memory, int index) {
    return 100.0 * 1024 / memory * (1 + 0.02 * (index % 3));
  }

  /** A size's run durations, by memory and run index. */
  private interface Durations {
    double of(int memory, int index);
  }

  /** What the Round map writes over the items: each size measured up to its target. */
  private static ArrayNode measure(JsonNode items) throws Exception {
    return measure(items, RacerTest::duration);
  }

  private static ArrayNode measure(JsonNode items, Durations durations) throws Exception {
    ArrayNode measured = TunerJson.MAPPER.createArrayNode();
    for (JsonNode item : items) {
      int memory = item.path("value").asInt();
      List<Sample> samples = new ArrayList<>();
      if (item.hasNonNull("progress")) {
        Progress before = TunerJson.MAPPER.treeToValue(item.get("progress"), Progress.class);
        assertThat(before.done()).as("a size's progress reopened for its next round").isFalse();
        samples.addAll(before.measuredSoFar());
      }
      for (int i = samples.size(); i < item.path("target").asInt(); i++) {
        double d = durations.of(memory, i);
        samples.add(
            new Sample(
                i,
                d,
                Math.ceil(d),
                i == 0 ? 120.0 : null,
                null,
                null,
                40,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
      }
      Progress after = new Progress(true, null, samples, "x86_64", null, 1, 0, 0);
      measured
          .addObject()
          .put("value", memory)
          .set("progress", TunerJson.MAPPER.valueToTree(after));
    }
    return measured;
  }

  private JsonNode call(ObjectNode input, JsonNode race) throws Exception {
    ObjectNode event = TunerJson.MAPPER.createObjectNode();
    event.set("input", input);
    event.set("race", race);
    return racer.run(event);
  }

  @Test
  void firstCall_plansTheFirstRound_everySizeAtThreeRuns() throws Exception {
    JsonNode race = call(state(), TunerJson.MAPPER.createObjectNode().put("round", 0));

    assertThat(race.path("round").asInt()).isEqualTo(1);
    assertThat(race.path("done").asBoolean()).isFalse();
    assertThat(race.path("items")).hasSize(3);
    for (JsonNode item : race.path("items")) {
      assertThat(item.path("target").asInt()).isEqualTo(3);
      assertThat(item.has("progress")).isTrue();
      assertThat(item.get("progress").isNull()).isTrue();
    }
  }

  @Test
  void rounds_dropTheSlowSizes_keepEachProgressOnce_andEndWithTheStats() throws Exception {
    ObjectNode input = state();
    JsonNode race = call(input, TunerJson.MAPPER.createObjectNode().put("round", 0));
    int rounds = 0;
    while (!race.path("done").asBoolean()) {
      ObjectNode next = race.deepCopy();
      next.set("items", measure(race.path("items")));
      race = call(input, next);
      rounds++;
      for (JsonNode item : race.path("items")) {
        assertThat(race.path("sizes").has(item.path("value").asText()))
            .as("a size measured next round is held in its item only")
            .isFalse();
      }
      assertThat(rounds).isLessThan(20);
    }

    assertThat(race.path("dropped").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("128", "512");
    JsonNode result = race.path("result");
    assertThat(result.path("stats")).hasSize(3);
    JsonNode sampling = result.path("adaptiveSampling");
    assertThat(sampling.path("pick").asInt()).isEqualTo(1024);
    assertThat(sampling.path("rounds").asInt()).isEqualTo(rounds);
    int spent = 0;
    for (String size : List.of("128", "512", "1024")) {
      int runs =
          TunerJson.MAPPER
              .treeToValue(race.path("sizes").path(size), Progress.class)
              .measuredSoFar()
              .size();
      assertThat(sampling.path("invocationsPerSize").path(size).asInt()).isEqualTo(runs);
      spent += runs;
    }
    assertThat(sampling.path("invocations").asInt()).isEqualTo(spent);
    assertThat(sampling.path("invocationsPerSize").path("1024").asInt()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void balanced_measuresTheSizesItsScoreIsDividedBy_afterDroppingThem_andCountsTheirRuns()
      throws Exception {
    ObjectNode input = state().put("strategy", "balanced");
    ArrayNode powers = input.putArray("powerValues");
    List.of(128, 256, 512, 1024, 1536, 2048).forEach(powers::add);
    // one thread's work at 20% noise, seeded per run: 128 MB is the slowest, and its duration
    // divides every balanced score
    Durations noisy =
        (memory, index) -> {
          double median = 2 + 200 * 1769.0 / Math.min(memory, 1769);
          return median * Math.exp(0.2 * new Well19937c(memory * 1000L + index).nextGaussian());
        };
    JsonNode race = call(input, TunerJson.MAPPER.createObjectNode().put("round", 0));
    boolean remeasured = false;
    while (!race.path("done").asBoolean()) {
      ObjectNode next = race.deepCopy();
      next.set("items", measure(race.path("items"), noisy));
      race = call(input, next);
      for (JsonNode item : race.path("items")) {
        remeasured |= race.path("dropped").has(item.path("value").asText());
      }
    }

    assertThat(remeasured).as("a dropped size was measured again").isTrue();
    assertThat(race.path("dropped").has("128")).isTrue();
    JsonNode sampling = race.path("result").path("adaptiveSampling");
    int runs =
        TunerJson.MAPPER
            .treeToValue(race.path("sizes").path("128"), Progress.class)
            .measuredSoFar()
            .size();
    assertThat(runs).isGreaterThan(3);
    assertThat(sampling.path("invocationsPerSize").path("128").asInt()).isEqualTo(runs);
  }

  @Test
  void fixedInput_isRefused() {
    ObjectNode input = state().put("sampling", "fixed").put("num", 5);

    assertThatThrownBy(() -> call(input, TunerJson.MAPPER.createObjectNode().put("round", 0)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sampling");
  }
}
