package io.powertune.statemachine.choice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Holds when every one of {@code rules} holds (evaluated in order, stopping at the first miss). */
public record And(List<ChoiceRule> rules) implements ChoiceRule {

  public And {
    rules = List.copyOf(rules);
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("And needs at least one rule");
    }
  }

  @Override
  public boolean matches(JsonNode input, JsonNode context) {
    for (ChoiceRule rule : rules) {
      if (!rule.matches(input, context)) {
        return false;
      }
    }
    return true;
  }
}
