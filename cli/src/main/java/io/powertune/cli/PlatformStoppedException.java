package io.powertune.cli;

/** The platform stopped answering while a command followed an execution on it. */
public class PlatformStoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PlatformStoppedException(String message, Throwable cause) {
    super(message, cause);
  }
}
