package io.powertune.platform.store;

import io.powertune.platform.lambda.model.FunctionKey;

/**
 * An Event invocation waiting to run (or to run again), as stored.
 *
 * @param id its row
 * @param key the function
 * @param version the version it runs
 * @param invokedArn the ARN it was invoked by (qualified or not)
 * @param payload the event
 * @param failures how many attempts failed so far
 * @param expiresAtMillis when it is dropped, run or not (epoch milliseconds)
 */
public record QueuedEvent(
    long id,
    FunctionKey key,
    String version,
    String invokedArn,
    byte[] payload,
    int failures,
    long expiresAtMillis) {}
