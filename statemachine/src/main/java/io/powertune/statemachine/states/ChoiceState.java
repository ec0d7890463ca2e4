package io.powertune.statemachine.states;

import io.powertune.statemachine.choice.ChoiceRule;
import java.util.List;

/**
 * Goes to the Next of the first rule that matches, else to {@code defaultNext}.
 *
 * @param defaultNext the Default state, or null (no match then fails with States.NoChoiceMatched)
 */
public record ChoiceState(
    String name, String inputPath, String outputPath, List<Branch> choices, String defaultNext)
    implements State {

  /** One element of Choices. */
  public record Branch(ChoiceRule rule, String next) {}

  public ChoiceState {
    choices = List.copyOf(choices);
  }
}
