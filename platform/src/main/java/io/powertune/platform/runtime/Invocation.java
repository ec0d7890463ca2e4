package io.powertune.platform.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * One invocation handed to an execution environment.
 *
 * @param requestId the request id the runtime sees
 * @param payload the event bytes
 * @param invokedArn the ARN the caller invoked (with its qualifier)
 * @param deadlineEpochMs when the invocation times out
 * @param clientContext decoded client context JSON, or null
 * @param result completed by the runtime's response or error, or by the platform on failure
 */
public record Invocation(
    String requestId,
    byte[] payload,
    String invokedArn,
    long deadlineEpochMs,
    String clientContext,
    CompletableFuture<RuntimeResult> result) {}
