package io.powertune.statemachine.states;

import java.util.List;

/** Runs its branches at the same time on the same input; the result is their outputs in order. */
public record ParallelState(
    String name,
    DataFlow flow,
    List<Graph> branches,
    List<Retrier> retry,
    List<Catcher> katch,
    Transition transition)
    implements State {

  public ParallelState {
    branches = List.copyOf(branches);
    retry = List.copyOf(retry);
    katch = List.copyOf(katch);
  }
}
