package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import io.powertune.analyzer.model.InvalidInputException;
import org.junit.jupiter.api.Test;

class TuneInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void set_flagsOverrideTheFile_andDefaultsFillOnlyGaps() throws Exception {
    TuneInput input =
        new TuneInput(JSON.readTree("{\"num\": 20, \"strategy\": \"speed\"}"), "in.json");

    input.set("num", "--num", IntNode.valueOf(7));
    input.set("powerValues", "--powers", null);
    input.setDefault("num", IntNode.valueOf(10));
    input.setDefault("dryRun", JSON.getNodeFactory().booleanNode(false));

    assertThat(input.json().toString())
        .isEqualTo("{\"num\":7,\"strategy\":\"speed\",\"dryRun\":false}");
  }

  @Test
  void rename_namesTheFlag_orTheFilesField() throws Exception {
    TuneInput input = new TuneInput(JSON.readTree("{\"strategy\": \"x\"}"), "in.json");
    input.set("powerValues", "--powers", JSON.readTree("[64]"));

    assertThat(input.rename(new InvalidInputException("powerValues[0]", "too small")).getMessage())
        .isEqualTo("--powers: too small");
    assertThat(input.rename(new InvalidInputException("strategy", "unknown")).getMessage())
        .isEqualTo("--input in.json: strategy: unknown");
    assertThat(input.rename(new InvalidInputException("num", "missing")).getMessage())
        .isEqualTo("num: missing");
  }

  @Test
  void from_adaptive_setsSampling_andLeavesNumOut() {
    TuneInput input =
        TuneInput.from(
            new TuneInput.Flags(
                null, "f", null, null, null, null, null, null, null, null, null, true));

    assertThat(input.json().toString())
        .isEqualTo("{\"lambdaARN\":\"f\",\"sampling\":\"adaptive\"}");
  }

  @Test
  void from_withoutAdaptive_defaultsNumTo10() {
    TuneInput input =
        TuneInput.from(
            new TuneInput.Flags(
                null, "f", null, null, null, null, null, null, null, null, null, null));

    assertThat(input.json().toString()).isEqualTo("{\"lambdaARN\":\"f\",\"num\":10}");
  }

  @Test
  void powers_listOrAll() {
    assertThat(TuneInput.powers("128, 512").toString()).isEqualTo("[128,512]");
    assertThat(TuneInput.powers("all").asText()).isEqualTo("ALL");
    assertThat(TuneInput.powers(null)).isNull();
    assertThatThrownBy(() -> TuneInput.powers("128,big"))
        .hasMessage("--powers: 'big' is not a memory size; give e.g. 128,512,1024 or ALL");
  }

  @Test
  void constructor_fileThatIsNotAnObject_isRefused() throws Exception {
    assertThatThrownBy(() -> new TuneInput(JSON.readTree("[1]"), "in.json"))
        .hasMessage("--input in.json: expected a JSON object (the execution input), got [1]");
  }
}
