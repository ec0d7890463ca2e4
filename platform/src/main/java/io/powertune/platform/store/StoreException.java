package io.powertune.platform.store;

/** The state database failed; answered as a 500 ServiceException. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
