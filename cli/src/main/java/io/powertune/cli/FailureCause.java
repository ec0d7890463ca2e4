package io.powertune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.analyzer.model.InvalidInputException;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * Why a tuning execution did not succeed, read from its error and cause (a step's error JSON when a
 * step failed).
 *
 * @param status the execution's status
 * @param error the error name
 * @param message the cause's message
 */
record FailureCause(String status, String error, String message) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static FailureCause of(DescribeExecutionResponse execution) {
    String cause = execution.cause() == null ? "" : execution.cause();
    String message = cause;
    try {
      JsonNode json = MAPPER.readTree(cause);
      if (json != null && json.hasNonNull("errorMessage")) {
        message = json.get("errorMessage").asText();
      }
    } catch (Exception e) {
      // the cause is plain text
    }
    return new FailureCause(execution.statusAsString(), execution.error(), message);
  }

  /** True when the Initializer refused the input: nothing was published or invoked. */
  boolean invalidInput() {
    return InvalidInputException.class.getName().equals(error);
  }

  /** One line for the user. */
  String describe() {
    if (invalidInput()) {
      return message;
    }
    String what = error == null || error.isBlank() ? "" : " (" + error + ")";
    return "the tuning " + status.toLowerCase(java.util.Locale.ROOT) + what + ": " + message;
  }
}
