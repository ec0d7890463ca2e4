package io.powertune.statemachine.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.statemachine.StatesError;
import org.junit.jupiter.api.Test;

/** ResultPath: where a result goes in a copy of the input. */
class ReferencePathTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void dollar_replacesTheInput() throws Exception {
    assertThat(ReferencePath.parse("$").write(json("{\"a\":1}"), json("5"))).isEqualTo(json("5"));
  }

  @Test
  void fields_areCreatedOrReplaced_andTheInputIsNotChanged() throws Exception {
    JsonNode input = json("{\"a\":{\"keep\":true},\"x\":1}");

    JsonNode out = ReferencePath.parse("$.a.b['c d']").write(input, json("[1]"));

    assertThat(out).isEqualTo(json("{\"a\":{\"keep\":true,\"b\":{\"c d\":[1]}},\"x\":1}"));
    assertThat(input).isEqualTo(json("{\"a\":{\"keep\":true},\"x\":1}"));
  }

  @Test
  void arrayIndexes_replaceAnElement() throws Exception {
    assertThat(ReferencePath.parse("$.list[1]").write(json("{\"list\":[0,0,0]}"), json("9")))
        .isEqualTo(json("{\"list\":[0,9,0]}"));
  }

  @Test
  void writingIntoAScalar_isAResultPathMatchFailure() throws Exception {
    assertThatThrownBy(() -> ReferencePath.parse("$.a.b").write(json("{\"a\":3}"), json("1")))
        .isInstanceOfSatisfying(
            StatesError.class,
            e -> assertThat(e.error()).isEqualTo("States.ResultPathMatchFailure"));
  }

  @Test
  void pathsThatAreNotReferencePaths_areRefused() {
    for (String bad : new String[] {"$$.Execution", "a.b", "$.a[*]", "$..a", "$.a[?(@.b)]"}) {
      assertThatThrownBy(() -> ReferencePath.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
