package io.powertune.statemachine.states;

/** One state of a graph; an immutable record per state type. */
public sealed interface State
    permits PassState,
        TaskState,
        ChoiceState,
        WaitState,
        SucceedState,
        FailState,
        ParallelState,
        MapState {

  String name();

  /** The Type field: Pass, Task, Choice, Wait, Succeed, Fail, Parallel or Map. */
  default String type() {
    return getClass().getSimpleName().replace("State", "");
  }
}
