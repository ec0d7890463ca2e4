package io.powertune.statemachine.run;

/** How Task states reach Lambda; the platform (or an SDK client) implements it. */
public interface TaskPort {

  /**
   * Invokes a function and returns its response; a function error is a response too.
   *
   * @throws LambdaApiException when the Lambda API refuses the call (no such function, throttled)
   * @throws InterruptedException when the execution is stopped or the Task timed out
   */
  LambdaResult invoke(LambdaCall call) throws InterruptedException;
}
