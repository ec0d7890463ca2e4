package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ResultTableTest {

  @Test
  void lines_oneRowPerSize_thePickMarked_unsuitableSaidWhy() throws Exception {
    var result =
        new ObjectMapper()
            .readTree(
                "{\"power\":512,\"strategy\":\"cost\",\"sizes\":["
                    + "{\"value\":128,\"unsuitable\":\"ran out of memory\"},"
                    + "{\"value\":512,\"averageDuration\":12.345,\"averagePrice\":0.0000012345,"
                    + "\"duration\":{\"p90\":15.5}}]}");

    assertThat(ResultTable.lines(result))
        .containsExactly(
            "  memory      avg ms      p90 ms   cost/invocation",
            "  128 MB  unsuitable: ran out of memory",
            "  512 MB       12.35       15.50       $0.00000123  <- cost pick");
  }
}
