package io.powertune.platform.runtime;

/** How an invocation ended in the runtime. */
public sealed interface RuntimeResult {

  /** The nanoTime when the outcome arrived. */
  long endedNanos();

  /** The runtime posted a response. */
  record Success(byte[] payload, long endedNanos) implements RuntimeResult {}

  /** The runtime posted an error (the handler threw). */
  record FunctionError(byte[] payload, String errorType, long endedNanos)
      implements RuntimeResult {}

  /** The environment failed: init error, exit, timeout or out of memory. */
  record EnvironmentFailure(Kind kind, String errorType, String message, long endedNanos)
      implements RuntimeResult {}

  /** Ways an environment fails. */
  enum Kind {
    INIT_ERROR,
    EXIT,
    TIMEOUT,
    OUT_OF_MEMORY
  }
}
