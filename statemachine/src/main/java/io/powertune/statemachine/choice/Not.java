package io.powertune.statemachine.choice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** Holds when {@code rule} does not. */
public record Not(ChoiceRule rule) implements ChoiceRule {

  public Not {
    Objects.requireNonNull(rule, "rule");
  }

  @Override
  public boolean matches(JsonNode input, JsonNode context) {
    return !rule.matches(input, context);
  }
}
