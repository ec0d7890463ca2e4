package io.powertune.platform.lambda.errors;

import io.powertune.platform.http.AwsServiceException;

/** The platform failed (500). */
public class ServiceException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  public ServiceException(String message) {
    super("ServiceException", 500, message, MessageKey.UPPER);
  }
}
