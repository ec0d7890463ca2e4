package io.powertune.platform.lambda.errors;

import io.powertune.platform.http.AwsServiceException;

/** The RevisionId given is not the current one (412). */
public class PreconditionFailedException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  public PreconditionFailedException(String message) {
    super("PreconditionFailedException", 412, message, MessageKey.LOWER);
  }

  /** The RevisionId a caller sent is not the current one, in AWS's wording. */
  public static PreconditionFailedException staleRevision() {
    return new PreconditionFailedException(
        "The Revision Id provided does not match the latest Revision Id. Call the"
            + " GetFunction/GetAlias API to retrieve the latest Revision Id");
  }
}
