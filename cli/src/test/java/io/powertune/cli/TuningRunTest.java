package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.tuner.TunerJson;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code tune}'s progress reads the Racer step's output. */
class TuningRunTest {

  private static JsonNode race(String json) throws Exception {
    return TunerJson.MAPPER.readTree(json.replace('\'', '"'));
  }

  @Test
  void aDroppedSize_isDone_untilARoundMeasuresItAgain() throws Exception {
    Map<Integer, Integer> done = new HashMap<>();

    // after round 1: 128 MB dropped and resting; 1024 MB measured next
    TuningRun.raceDone(
        race(
            "{'done': false, 'items': [{'value': 1024, 'target': 5}],"
                + " 'sizes': {'128': {'samples': [1, 2, 3]}}, 'dropped': {'128': 1}}"),
        done);
    assertThat(done).containsExactly(Map.entry(128, 3));

    // balanced: 128 MB is the slowest size, which every score is divided by, so it follows the pick
    TuningRun.raceDone(
        race(
            "{'done': false, 'items': [{'value': 128, 'target': 5}, {'value': 1024, 'target': 5}],"
                + " 'sizes': {}, 'dropped': {'128': 1}}"),
        done);
    assertThat(done).isEmpty();

    TuningRun.raceDone(
        race(
            "{'done': true, 'items': [], 'sizes': {'128': {'samples': [1, 2, 3, 4, 5]},"
                + " '1024': {'samples': [1, 2, 3, 4, 5]}}, 'dropped': {'128': 1}}"),
        done);
    assertThat(done).containsOnly(Map.entry(128, 5), Map.entry(1024, 5));
  }
}
