package io.powertune.statemachine.run;

/** The execution was stopped (StopExecution, its timeout, or the platform closing). */
final class StoppedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  StoppedException() {
    super("stopped", null, false, false);
  }
}
