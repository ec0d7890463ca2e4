package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.statemachine.PowerTuningDefinition;
import io.powertune.tuner.TunerFunctions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CleanerOfTest {

  @Test
  void aStacksDefinition_namesItsOwnCleaner() {
    Map<String, String> arns = new HashMap<>();
    for (String placeholder : PowerTuningDefinition.placeholders()) {
      arns.put(
          placeholder,
          "arn:aws:lambda:eu-west-1:123456789012:function:stack-" + placeholder + "-X1:live");
    }

    String cleaner = CleanerOf.definition(PowerTuningDefinition.substitute(arns));

    assertThat(cleaner)
        .isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:stack-cleanerArn-X1:live");
  }

  @Test
  void aDefinitionWithoutACleaner_fallsBackToTheInstalledName() {
    assertThat(CleanerOf.definition("{\"StartAt\":\"A\",\"States\":{}}"))
        .isEqualTo(TunerFunctions.cleaner().name());
    assertThat(CleanerOf.definition("not json")).isEqualTo(TunerFunctions.cleaner().name());
  }
}
