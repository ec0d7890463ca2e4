package io.powertune.platform.lambda.errors;

import io.powertune.platform.http.AwsServiceException;

/** The deployment package cannot be unpacked (502). */
public class InvalidZipFileException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  public InvalidZipFileException(String message) {
    super("InvalidZipFileException", 502, message, MessageKey.UPPER);
  }
}
