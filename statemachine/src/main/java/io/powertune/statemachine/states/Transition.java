package io.powertune.statemachine.states;

/**
 * Where a state goes when it is done: the state named {@code next}, or the end of its graph.
 *
 * @param next the next state's name, or null for the end
 */
public record Transition(String next) {

  public static final Transition END = new Transition(null);

  public boolean end() {
    return next == null;
  }
}
