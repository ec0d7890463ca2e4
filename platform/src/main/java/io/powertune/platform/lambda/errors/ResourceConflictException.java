package io.powertune.platform.lambda.errors;

import io.powertune.platform.http.AwsServiceException;

/** The resource exists already, or is being changed (409). */
public class ResourceConflictException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  public ResourceConflictException(String message) {
    super("ResourceConflictException", 409, message, MessageKey.LOWER);
  }
}
