package io.powertune.statemachine.choice;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One rule of a Choice state: a comparison of the value at a path, or an And, Or or Not of nested
 * rules. Built by {@link ChoiceRuleParser}.
 */
public sealed interface ChoiceRule permits And, Or, Not, Comparison {

  /**
   * True when the rule holds for this state input ({@code context} is the context object, read by
   * {@code $$} paths). A Variable path that matches nothing throws {@link
   * io.powertune.statemachine.StatesError} {@code States.Runtime}, except for IsPresent, which is
   * then false.
   */
  boolean matches(JsonNode input, JsonNode context);
}
