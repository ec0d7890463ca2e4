package io.powertune.platform.lambda.errors;

import io.powertune.platform.http.AwsServiceException;

/** The RevisionId given is not the current one (412). */
public class PreconditionFailedException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  public PreconditionFailedException(String message) {
    super("PreconditionFailedException", 412, message, MessageKey.LOWER);
  }
}
