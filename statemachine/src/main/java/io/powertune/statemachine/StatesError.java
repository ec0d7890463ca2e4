package io.powertune.statemachine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

  /**
   * The error as Step Functions hands it on: {@code {"Error": ..., "Cause": ...}}, what a Catch
   * writes at its ResultPath and a tolerated failed Map item leaves in the results.
   */
  public ObjectNode asOutput() {
    ObjectNode output = JsonNodeFactory.instance.objectNode();
    output.put("Error", error);
    output.put("Cause", cause);
    return output;
  }
}
