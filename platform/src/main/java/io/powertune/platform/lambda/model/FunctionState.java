package io.powertune.platform.lambda.model;

import java.util.Map;
import java.util.Set;

/** A function version's {@code State}, with the transitions the platform makes. */
public enum FunctionState {
  Pending,
  Active,
  Failed;

  private static final Map<FunctionState, Set<FunctionState>> NEXT =
      Map.of(Pending, Set.of(Active, Failed), Active, Set.of(), Failed, Set.of());

  /**
   * The state after a transition.
   *
   * @throws IllegalStateException for a transition the table does not allow
   */
  public FunctionState to(FunctionState next) {
    if (!NEXT.get(this).contains(next)) {
      throw new IllegalStateException("function state cannot go from " + this + " to " + next);
    }
    return next;
  }
}
