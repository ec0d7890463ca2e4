package io.powertune.tests;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** Runs a suite only where a Docker engine answers; elsewhere skips it and says why. */
final class DockerAvailable implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (DockerClientFactory.instance().isDockerAvailable()) {
      return ConditionEvaluationResult.enabled("a Docker engine answers");
    }
    String reason =
        context.getDisplayName()
            + " skipped: no Docker engine answers here (Testcontainers found none), so LocalStack"
            + " cannot start";
    System.out.println(reason);
    return ConditionEvaluationResult.disabled(reason);
  }
}
