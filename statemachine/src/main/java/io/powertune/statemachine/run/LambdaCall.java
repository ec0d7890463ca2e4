package io.powertune.statemachine.run;

/**
 * One Lambda Invoke a Task makes.
 *
 * @param functionName a name, partial or full ARN, maybe with a qualifier
 * @param qualifier a version or alias, or null
 * @param region the region of the function (from its ARN, else the state machine's)
 * @param payload the request payload, JSON text
 * @param invocationType RequestResponse, Event or DryRun
 * @param logType None or Tail
 * @param clientContext base64 client context, or null
 */
public record LambdaCall(
    String functionName,
    String qualifier,
    String region,
    String payload,
    String invocationType,
    String logType,
    String clientContext) {}
