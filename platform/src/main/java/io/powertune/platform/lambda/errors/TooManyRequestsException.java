package io.powertune.platform.lambda.errors;

import io.powertune.platform.http.AwsServiceException;
import java.util.Map;

/** Concurrency limits are reached (429); the body carries the Reason and a Retry-After hint. */
public class TooManyRequestsException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  /** Why the invocation was throttled, as Lambda names it. */
  public enum Reason {
    ConcurrentInvocationLimitExceeded,
    ReservedFunctionConcurrentInvocationLimitExceeded
  }

  private final Reason reason;

  public TooManyRequestsException(String message, Reason reason) {
    super("TooManyRequestsException", 429, message, MessageKey.LOWER);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  @Override
  public Map<String, String> extraFields() {
    return Map.of("Reason", reason.name());
  }
}
