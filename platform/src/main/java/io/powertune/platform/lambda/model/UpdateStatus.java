package io.powertune.platform.lambda.model;

import java.util.Map;
import java.util.Set;

/** A function's {@code LastUpdateStatus}, with the transitions the platform makes. */
public enum UpdateStatus {
  InProgress,
  Successful,
  Failed;

  private static final Map<UpdateStatus, Set<UpdateStatus>> NEXT =
      Map.of(
          InProgress, Set.of(Successful, Failed),
          Successful, Set.of(InProgress),
          Failed, Set.of(InProgress));

  /**
   * The status after a transition.
   *
   * @throws IllegalStateException for a transition the table does not allow
   */
  public UpdateStatus to(UpdateStatus next) {
    if (!NEXT.get(this).contains(next)) {
      throw new IllegalStateException("update status cannot go from " + this + " to " + next);
    }
    return next;
  }
}
