package io.powertune.statemachine;

/**
 * An error raised while a state runs, named as Step Functions names it ({@code States.Timeout}, a
 * function's {@code errorType}, {@code Lambda.ResourceNotFoundException}); Retry and Catch match on
 * {@link #error()}.
 */
public class StatesError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String error;
  private final String cause;

  public StatesError(String error, String cause) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
  }

  /** The error name. */
  public String error() {
    return error;
  }

  /** The cause text (for a Lambda function error, the error payload as compact JSON). */
  public String cause() {
    return cause;
  }
}
