package io.powertune.platform.runtime;

/** The runtime reported {@code /runtime/init/error}: the function's code failed to load. */
public final class InitErrorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorType;
  private final String body;

  public InitErrorException(String errorType, String body) {
    super(errorType + ": " + body);
    this.errorType = errorType;
    this.body = body;
  }

  public String errorType() {
    return errorType;
  }

  /** The error JSON the runtime posted. */
  public String body() {
    return body;
  }
}
