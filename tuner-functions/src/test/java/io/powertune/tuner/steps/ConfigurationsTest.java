package io.powertune.tuner.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.tuner.TunerJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationsTest {

  private static Configurations plan(int index, int count) {
    return new Configurations(
        List.of(
            new Configurations.Configuration(128, "RAM128", RunMarker.description("r1", "RAM128")),
            new Configurations.Configuration(512, "RAM512", RunMarker.description("r1", "RAM512"))),
        new Configurations.Iterator(index, count, true),
        List.of(128, 512),
        "r1",
        new Configurations.Original(256, "mine", 256),
        0,
        null);
  }

  @Test
  void json_isTheOriginalsShape_withContinue() {
    JsonNode json = TunerJson.MAPPER.valueToTree(plan(0, 2));

    assertThat(json.at("/iterator/continue").asBoolean()).isTrue();
    assertThat(json.at("/initConfigurations/1/powerValue").asInt()).isEqualTo(512);
    assertThat(json.at("/initConfigurations/1/alias").asText()).isEqualTo("RAM512");
    assertThat(json.path("powerValues").toString()).isEqualTo("[128,512]");
  }

  @Test
  void advanced_movesTheIterator_andDropsThePlanAfterTheLast() {
    Configurations second = plan(0, 2).advanced();
    Configurations done = second.advanced();

    assertThat(second.iterator()).isEqualTo(new Configurations.Iterator(1, 2, true));
    assertThat(second.initConfigurations()).hasSize(2);
    assertThat(done.iterator()).isEqualTo(new Configurations.Iterator(2, 2, false));
    assertThat(done.initConfigurations()).isNull();
    assertThat(done.original()).isEqualTo(new Configurations.Original(256, "mine", 256));
  }

  @Test
  void runMarker_namesTheRun() {
    String description = RunMarker.description("a1b2", "RAM128");

    assertThat(description).isEqualTo("powertune run a1b2: RAM128");
    assertThat(RunMarker.ofRun(description, "a1b2")).isTrue();
    assertThat(RunMarker.ofRun(description, "a1")).isFalse();
    assertThat(RunMarker.ofAnyRun(description)).isTrue();
    assertThat(RunMarker.ofAnyRun("my own version")).isFalse();
    assertThat(RunMarker.ofAnyRun(null)).isFalse();
  }
}
