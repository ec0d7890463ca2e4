package io.powertune.platform.lambda.errors;

import io.powertune.platform.http.AwsServiceException;

/** A parameter fails the API model's constraints (400). */
public class ValidationException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  public ValidationException(String message) {
    super("ValidationException", 400, message, MessageKey.LOWER);
  }
}
