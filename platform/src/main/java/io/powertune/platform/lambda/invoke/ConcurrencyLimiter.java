package io.powertune.platform.lambda.invoke;

import io.powertune.platform.lambda.errors.TooManyRequestsException;
import io.powertune.platform.lambda.errors.TooManyRequestsException.Reason;
import io.powertune.platform.lambda.model.FunctionKey;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lambda's concurrency rules: a function with reserved concurrency runs at most that many
 * invocations at once; the others share what the account limit leaves unreserved.
 */
public final class ConcurrencyLimiter {

  private final int accountLimit;
  private final Map<FunctionKey, Integer> inFlight = new ConcurrentHashMap<>();
  private int unreservedInFlight;

  public ConcurrencyLimiter(int accountLimit) {
    this.accountLimit = accountLimit;
  }

  public int accountLimit() {
    return accountLimit;
  }

  /**
   * Takes a slot for one invocation.
   *
   * @param reserved the function's reserved concurrency, if any
   * @param reservedByAll the reserved concurrency of every function of the account
   * @throws TooManyRequestsException when no slot is free
   */
  public synchronized void acquire(FunctionKey key, OptionalInt reserved, int reservedByAll) {
    int running = inFlight.getOrDefault(key, 0);
    if (reserved.isPresent()) {
      if (running >= reserved.getAsInt()) {
        throw new TooManyRequestsException(
            "Rate Exceeded.", Reason.ReservedFunctionConcurrentInvocationLimitExceeded);
      }
    } else {
      if (unreservedInFlight >= accountLimit - reservedByAll) {
        throw new TooManyRequestsException(
            "Rate Exceeded.", Reason.ConcurrentInvocationLimitExceeded);
      }
      unreservedInFlight++;
    }
    inFlight.put(key, running + 1);
  }

  /** Gives a slot back. */
  public synchronized void release(FunctionKey key, boolean reserved) {
    inFlight.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    if (!reserved) {
      unreservedInFlight--;
    }
  }
}
