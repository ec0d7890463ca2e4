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

  /** True when a function just created with a new role may not be able to assume it yet. */
  boolean propagating();

  /** Deletes the roles; returns the names of those that existed. */
  List<String> remove();

  /** The name of a workflow function's role (the function's own name). */
  static String roleName(TunerFunction function) {
    return function.name();
  }

  /** The name of the state machine's role. */
  String STATE_MACHINE_ROLE = "powertune-state-machine";
}
