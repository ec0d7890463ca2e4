package io.powertune.platform.runtime;

/** The runtime process could not start, or exited before its first {@code next} request. */
public final class EnvironmentStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EnvironmentStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
