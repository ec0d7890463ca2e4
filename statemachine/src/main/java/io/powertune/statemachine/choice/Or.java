package io.powertune.statemachine.choice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Holds when any one of {@code rules} holds (evaluated in order, stopping at the first match). */
public record Or(List<ChoiceRule> rules) implements ChoiceRule {

  public Or {
    rules = List.copyOf(rules);
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("Or needs at least one rule");
    }
  }

  @Override
  public boolean matches(JsonNode input, JsonNode context) {
    for (ChoiceRule rule : rules) {
      if (rule.matches(input, context)) {
        return true;
      }
    }
    return false;
  }
}
