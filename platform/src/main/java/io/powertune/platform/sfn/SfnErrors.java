package io.powertune.platform.sfn;

import io.powertune.platform.http.AwsServiceException;
import java.util.List;

/** The Step Functions errors the platform answers with, worded as AWS words them. */
final class SfnErrors {

  private SfnErrors() {}

  static AwsServiceException stateMachineNotFound(String arn) {
    return new AwsServiceException(
        "StateMachineDoesNotExist", 400, "State Machine Does Not Exist: '" + arn + "'");
  }

  static AwsServiceException stateMachineExists(String arn) {
    return new AwsServiceException(
        "StateMachineAlreadyExists", 400, "State Machine Already Exists: '" + arn + "'");
  }

  static AwsServiceException executionNotFound(String arn) {
    return new AwsServiceException(
        "ExecutionDoesNotExist", 400, "Execution Does Not Exist: '" + arn + "'");
  }

  static AwsServiceException executionExists(String arn) {
    return new AwsServiceException(
        "ExecutionAlreadyExists", 400, "Execution Already Exists: '" + arn + "'");
  }

  static AwsServiceException invalidDefinition(List<String> problems) {
    return new AwsServiceException(
        "InvalidDefinition",
        400,
        "Invalid State Machine Definition: '" + String.join(", ", problems) + "'");
  }

  static AwsServiceException invalidArn(String arn) {
    return new AwsServiceException("InvalidArn", 400, "Invalid Arn: '" + arn + "'");
  }

  static AwsServiceException invalidName(String name) {
    return new AwsServiceException("InvalidName", 400, "Invalid Name: '" + name + "'");
  }

  static AwsServiceException invalidInput(String reason) {
    return new AwsServiceException(
        "InvalidExecutionInput", 400, "Invalid State Machine Execution Input: '" + reason + "'");
  }

  static AwsServiceException missing(String field) {
    return new AwsServiceException(
        "MissingRequiredParameter", 400, "Missing required parameter: '" + field + "'");
  }

  static AwsServiceException validation(String message) {
    return new AwsServiceException("ValidationException", 400, message);
  }

  static AwsServiceException unknownOperation(String operation) {
    return new AwsServiceException(
        "UnknownOperationException", 400, "Operation " + operation + " is not supported");
  }
}
