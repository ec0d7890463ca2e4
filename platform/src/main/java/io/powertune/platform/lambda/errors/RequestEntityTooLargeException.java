package io.powertune.platform.lambda.errors;

import io.powertune.platform.http.AwsServiceException;

/** The request payload is over the limit (413). */
public class RequestEntityTooLargeException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  public RequestEntityTooLargeException(String message) {
    super("RequestEntityTooLargeException", 413, message, MessageKey.LOWER);
  }
}
