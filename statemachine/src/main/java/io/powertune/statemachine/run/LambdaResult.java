package io.powertune.statemachine.run;

/**
 * What Invoke answered.
 *
 * @param functionError Unhandled or Handled when the function failed, else null
 * @param payload the response payload, JSON text (empty for Event invocations)
 * @param logResult the base64 log tail, or null
 */
public record LambdaResult(
    int statusCode,
    String functionError,
    String payload,
    String executedVersion,
    String requestId,
    String logResult) {}
