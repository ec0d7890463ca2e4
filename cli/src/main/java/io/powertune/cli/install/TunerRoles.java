package io.powertune.cli.install;

import io.powertune.tuner.TunerFunctions.TunerFunction;
import java.util.Collection;
import java.util.List;

/** The roles of an installed tuner: one per workflow function and one for the state machine. */
public interface TunerRoles {

  /** Creates or updates the function's role; returns its ARN. */
  String functionRole(TunerFunction function);

  /** Creates or updates the state machine's role, allowed to invoke {@code functionArns}. */
  String stateMachineRole(Collection<String> functionArns);

  /** True when a role was just created, which IAM takes a few seconds to make usable. */
  boolean propagating();

  /** True when anything was created or updated. */
  boolean changed();

  /**
   * Deletes the roles.
   *
   * @return one line per role removed, or per role that could not be and why
   */
  List<String> remove();
}
