package io.powertune.tuner.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.analyzer.model.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of malformed tuner inputs ({@code corpus/malformed-inputs.jsonl}, written by {@code
 * platform/corpus/generate-tuner-inputs.py}): each is refused with an error naming its field (or
 * the element of it that is wrong).
 */
class MalformedInputsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One input and the field its error must name. */
  record Case(String name, JsonNode input, String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> corpus() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (InputStream in =
        MalformedInputsTest.class.getResourceAsStream("/corpus/malformed-inputs.jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          cases.add(JSON.readValue(line, Case.class));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void malformedInput_isRefused_namingItsField(Case bad) {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> {
              TuningInput input =
                  TuningInputReader.read(bad.input(), PowerValues.DEFAULTS, "us-east-1");
              if (input.payloadS3() == null) {
                Payloads.generate(input.payload(), input.num(), "payload");
              }
            });

    assertThat(e).as("refused").isNotNull();
    // the field, or the element of it that is wrong (powerValues[1], payload[0].weight)
    assertThat(e.field()).matches(java.util.regex.Pattern.quote(bad.field()) + "([\\[.].*)?");
    assertThat(e.problem()).isNotBlank();
  }
}
