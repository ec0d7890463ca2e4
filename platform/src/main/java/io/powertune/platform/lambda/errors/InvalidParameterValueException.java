package io.powertune.platform.lambda.errors;

import io.powertune.platform.http.AwsServiceException;

/** A parameter's value is not allowed (400). */
public class InvalidParameterValueException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  public InvalidParameterValueException(String message) {
    super("InvalidParameterValueException", 400, message, MessageKey.LOWER);
  }
}
