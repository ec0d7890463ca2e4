package io.powertune.tuner;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.tuner.TunerFunctions.TunerFunction;
import org.junit.jupiter.api.Test;

class TunerFunctionsTest {

  @Test
  void everyFunction_hasAHandlerTheJavaRuntimeCanMake() throws Exception {
    for (TunerFunction function : TunerFunctions.ALL) {
      assertThat(function.handler()).endsWith("::handleRequest");
      assertThat(function.handlerClass().getConstructor()).isNotNull();
      assertThat(function.name()).startsWith("powertune-");
    }
    assertThat(TunerFunctions.ALL).extracting(TunerFunction::placeholder).doesNotHaveDuplicates();
  }
}
