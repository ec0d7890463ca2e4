package io.powertune.platform.logs;

import io.powertune.platform.http.AwsServiceException;

/** The CloudWatch Logs errors the platform answers with, worded as AWS words them. */
final class LogsErrors {

  private LogsErrors() {}

  static AwsServiceException groupNotFound() {
    return new AwsServiceException(
        "ResourceNotFoundException", 400, "The specified log group does not exist.");
  }

  static AwsServiceException streamNotFound() {
    return new AwsServiceException(
        "ResourceNotFoundException", 400, "The specified log stream does not exist.");
  }

  static AwsServiceException groupExists() {
    return new AwsServiceException(
        "ResourceAlreadyExistsException", 400, "The specified log group already exists");
  }

  static AwsServiceException streamExists() {
    return new AwsServiceException(
        "ResourceAlreadyExistsException", 400, "The specified log stream already exists");
  }

  static AwsServiceException invalid(String message) {
    return new AwsServiceException("InvalidParameterException", 400, message);
  }

  static AwsServiceException unknownOperation(String operation) {
    return new AwsServiceException(
        "UnknownOperationException", 400, "Operation " + operation + " is not supported");
  }
}
