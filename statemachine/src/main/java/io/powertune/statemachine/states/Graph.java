package io.powertune.statemachine.states;

import java.util.Map;

/** States and where to start: a whole state machine, a Parallel branch or a Map's processor. */
public record Graph(String startAt, Map<String, State> states) {

  public Graph {
    states = Map.copyOf(states);
  }

  public State state(String name) {
    State state = states.get(name);
    if (state == null) {
      throw new IllegalStateException("no state " + name);
    }
    return state;
  }
}
