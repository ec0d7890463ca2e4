package io.powertune.tuner.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayloadsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"a\":1} | {\"a\":1}",
        "\"{\\\"a\\\":1}\" | {\"a\":1}",
        "\"hello\" | \"hello\"",
        "\"123\" | 123",
        "0 | null",
        "false | null",
        "\"\" | null",
        "null | null",
        "[1,2] | [1,2]",
      })
  void body_asTheOriginalConvertsPayloads(String payload, String body) throws Exception {
    assertThat(Payloads.body(json(payload))).isEqualTo(body);
  }

  @Test
  void body_missing_isNull() {
    assertThat(Payloads.body(null)).isEqualTo("null");
  }

  @Test
  void spread_everyPrefixHoldsEachPayloadInItsShare() throws Exception {
    JsonNode weighted =
        json("[{\"payload\":{\"p\":1},\"weight\":1},{\"payload\":{\"p\":2},\"weight\":3}]");

    List<String> spread = Payloads.spread(Payloads.generate(weighted, 8, "payload"));

    assertThat(spread)
        .containsExactly(
            "{\"p\":2}",
            "{\"p\":1}",
            "{\"p\":2}",
            "{\"p\":2}",
            "{\"p\":2}",
            "{\"p\":1}",
            "{\"p\":2}",
            "{\"p\":2}");
    assertThat(Payloads.spread(List.of("a", "a", "b", "b"))).containsExactly("a", "b", "a", "b");
  }

  @Test
  void generate_onePayload_isSentToEveryInvocation() throws Exception {
    assertThat(Payloads.generate(json("{\"x\":1}"), 3, "payload"))
        .containsExactly("{\"x\":1}", "{\"x\":1}", "{\"x\":1}");
  }

  @Test
  void generate_weighted_laysBlocksOutAsTheOriginal() throws Exception {
    JsonNode weighted =
        json(
            "[{\"payload\":{\"p\":1},\"weight\":5},{\"payload\":{\"p\":2},\"weight\":15},"
                + "{\"payload\":{\"p\":3},\"weight\":30}]");

    List<String> bodies = Payloads.generate(weighted, 100, "payload");

    assertThat(bodies).hasSize(100);
    assertThat(Collections.frequency(bodies, "{\"p\":1}")).isEqualTo(10);
    assertThat(Collections.frequency(bodies, "{\"p\":2}")).isEqualTo(30);
    assertThat(bodies.subList(40, 100)).containsOnly("{\"p\":3}");
  }

  @Test
  void generate_equalWeights_lastTakesTheRemainder() throws Exception {
    JsonNode weighted =
        json(
            "[{\"payload\":1,\"weight\":1},{\"payload\":2,\"weight\":1},"
                + "{\"payload\":3,\"weight\":1}]");

    List<String> bodies = Payloads.generate(weighted, 20, "payload");

    assertThat(Collections.frequency(bodies, "1")).isEqualTo(6);
    assertThat(Collections.frequency(bodies, "2")).isEqualTo(6);
    assertThat(Collections.frequency(bodies, "3")).isEqualTo(8);
  }

  @Test
  void isWeighted_onlyWhenEveryEntryHasATruthyWeightAndPayload() throws Exception {
    assertThat(Payloads.isWeighted(json("[{\"payload\":1,\"weight\":1}]"))).isTrue();
    assertThat(Payloads.isWeighted(json("[{\"payload\":1,\"weight\":0}]"))).isFalse();
    assertThat(Payloads.isWeighted(json("[{\"payload\":1,\"weight\":1},{\"x\":1}]"))).isFalse();
    assertThat(Payloads.isWeighted(json("[]"))).isFalse();
  }

  @Test
  void generate_moreWeightedPayloadsThanNum_isRefused() throws Exception {
    JsonNode weighted = json("[{\"payload\":1,\"weight\":1},{\"payload\":2,\"weight\":1}]");

    assertThatThrownBy(() -> Payloads.generate(weighted, 1, "payload"))
        .hasMessage(
            "payload: you have 2 weighted payloads and only num=1; increase num to at least 2");
  }

  @Test
  void generate_nonNumericWeight_isRefused() throws Exception {
    JsonNode weighted = json("[{\"payload\":1,\"weight\":\"heavy\"}]");

    assertThatThrownBy(() -> Payloads.generate(weighted, 5, "payload"))
        .hasMessage("payload[0].weight: expected a positive number, got \"heavy\"");
  }
}
