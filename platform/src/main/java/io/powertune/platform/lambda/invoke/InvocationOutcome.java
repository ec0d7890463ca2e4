package io.powertune.platform.lambda.invoke;

/**
 * What a caller of Invoke gets back.
 *
 * @param payload the response body (the function's result or its error JSON)
 * @param functionError null on success, else the X-Amz-Function-Error value ({@code Unhandled})
 * @param executedVersion the version that ran
 * @param logTail the invocation's log text (START to REPORT), for LogType Tail
 */
public record InvocationOutcome(
    byte[] payload, String functionError, String executedVersion, String logTail) {}
