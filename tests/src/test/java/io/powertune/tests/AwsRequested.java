package io.powertune.tests;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Runs a suite on AWS only when asked ({@code POWERTUNE_AWS_IT=1}) and credentials resolve; else
 * skips it and says why. It creates and removes real resources, and costs a few cents.
 */
final class AwsRequested implements ExecutionCondition {

  static final String VARIABLE = "POWERTUNE_AWS_IT";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String reason = null;
    if (!"1".equals(System.getenv(VARIABLE))) {
      reason = VARIABLE + "=1 is not set";
    } else {
      try (DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build()) {
        chain.resolveCredentials();
      } catch (RuntimeException e) {
        reason = "no AWS credentials resolve (" + e.getMessage() + ")";
      }
    }
    if (reason == null) {
      return ConditionEvaluationResult.enabled("AWS requested and credentials found");
    }
    String message = context.getDisplayName() + " skipped: " + reason;
    System.out.println(message);
    return ConditionEvaluationResult.disabled(message);
  }
}
