package io.powertune.platform.lambda.errors;

import io.powertune.platform.http.AwsServiceException;

/** The function, version or alias does not exist (404). */
public class ResourceNotFoundException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  public ResourceNotFoundException(String message) {
    super("ResourceNotFoundException", 404, message, MessageKey.UPPER);
  }
}
