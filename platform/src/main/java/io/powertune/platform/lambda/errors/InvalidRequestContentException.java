package io.powertune.platform.lambda.errors;

import io.powertune.platform.http.AwsServiceException;

/** The request body is not valid JSON (400). */
public class InvalidRequestContentException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestContentException(String message) {
    super("InvalidRequestContentException", 400, message, MessageKey.LOWER);
  }
}
