package io.powertune.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertune.statemachine.definition.DefinitionParser;
import io.powertune.statemachine.definition.StateMachineDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PowerTuningDefinitionTest {

  private static Map<String, String> arns() {
    Map<String, String> arns = new LinkedHashMap<>();
    for (String step :
        new String[] {
          "initializer", "publisher", "racer", "executor", "cleaner", "analyzer", "optimizer"
        }) {
      arns.put(step + "Arn", "arn:aws:lambda:us-east-1:000000000000:function:powertune-" + step);
    }
    return arns;
  }

  @Test
  void placeholders_areTheSevenWorkflowFunctions() {
    assertThat(PowerTuningDefinition.placeholders())
        .containsExactlyInAnyOrder(
            "initializerArn",
            "publisherArn",
            "racerArn",
            "executorArn",
            "cleanerArn",
            "analyzerArn",
            "optimizerArn");
  }

  @Test
  void substitute_everyPlaceholder_givesADefinitionTheInterpreterAccepts() {
    String definition = PowerTuningDefinition.substitute(arns());

    StateMachineDefinition parsed = DefinitionParser.parse(definition);

    assertThat(definition).doesNotContain("${");
    assertThat(parsed.graph().startAt()).isEqualTo("Initializer");
    assertThat(parsed.graph().states().keySet())
        .containsExactlyInAnyOrder(
            "Initializer",
            "Publisher",
            "IsCountReached",
            "IsAdaptive",
            "RaceStart",
            "Racer",
            "IsRaceOver",
            "Round",
            "RaceOver",
            "RaceFailed",
            "Branching",
            "Cleaner",
            "Analyzer",
            "Optimizer",
            "CleanUpOnError",
            "CleanupFailed",
            "Failed");
  }

  @Test
  void substitute_missingValue_isRefused() {
    Map<String, String> arns = arns();
    arns.remove("cleanerArn");

    assertThatThrownBy(() -> PowerTuningDefinition.substitute(arns))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no value for ${cleanerArn}");
  }
}
