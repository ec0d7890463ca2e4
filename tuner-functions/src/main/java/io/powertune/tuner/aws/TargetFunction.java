package io.powertune.tuner.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The Lambda operations a tuning makes on the function it tunes. */
public final class TargetFunction {

  private final LambdaClient lambda;
  private final String functionName;

  /**
   * @param functionName the unqualified ARN or name
   */
  public TargetFunction(LambdaClient lambda, String functionName) {
    this.lambda = lambda;
    this.functionName = functionName;
  }

  public String functionName() {
    return functionName;
  }

  /** The configuration of $LATEST (qualifier null), an alias or a version. */
  public GetFunctionConfigurationResponse configuration(String qualifier) {
    return lambda.getFunctionConfiguration(
        r -> r.functionName(functionName).qualifier(qualifier == null ? "$LATEST" : qualifier));
  }

  /**
   * Waits until the last update of $LATEST has finished. The waiters read GetFunctionConfiguration
   * (not GetFunction, which would also need lambda:GetFunction and hands out the code's location),
   * once a second rather than the SDK's every five.
   */
  public void waitUntilUpdated() {
    lambda
        .waiter()
        .waitUntilFunctionUpdated(r -> r.functionName(functionName), TargetFunction::everySecond);
  }

  /** Waits until the alias's version is Active (SnapStart versions take a while). */
  public void waitUntilActive(String qualifier) {
    lambda
        .waiter()
        .waitUntilFunctionActive(
            r -> r.functionName(functionName).qualifier(qualifier), TargetFunction::everySecond);
  }

  private static void everySecond(WaiterOverrideConfiguration.Builder waiter) {
    waiter
        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofSeconds(1)))
        .maxAttempts(300)
        .waitTimeout(Duration.ofMinutes(5));
  }

  /**
   * Sets $LATEST's memory and description, and waits until the update is done. An update still in
   * progress (someone else's) is waited for first.
   */
  public void update(int memoryMb, String description) {
    for (int attempt = 1; ; attempt++) {
      try {
        lambda.updateFunctionConfiguration(
            r -> r.functionName(functionName).memorySize(memoryMb).description(description));
        waitUntilUpdated();
        return;
      } catch (ResourceConflictException e) {
        if (attempt == 3) {
          throw e;
        }
        waitUntilUpdated();
      }
    }
  }

  /** Publishes $LATEST as a version and returns its number. */
  public String publish() {
    return lambda.publishVersion(r -> r.functionName(functionName)).version();
  }

  /** Points {@code alias} at {@code version}: creates it, or moves it when it exists. */
  public void pointAlias(String alias, String version) {
    try {
      lambda.createAlias(r -> r.functionName(functionName).name(alias).functionVersion(version));
    } catch (ResourceConflictException e) {
      lambda.updateAlias(r -> r.functionName(functionName).name(alias).functionVersion(version));
    }
  }

  /** Deletes an alias; true when it existed. */
  public boolean deleteAlias(String alias) {
    try {
      lambda.deleteAlias(r -> r.functionName(functionName).name(alias));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  /** Deletes a published version; true when it existed. */
  public boolean deleteVersion(String version) {
    try {
      lambda.deleteFunction(r -> r.functionName(functionName).qualifier(version));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  /** Every version, $LATEST included. */
  public List<FunctionConfiguration> versions() {
    List<FunctionConfiguration> versions = new ArrayList<>();
    lambda
        .listVersionsByFunctionPaginator(r -> r.functionName(functionName))
        .versions()
        .forEach(versions::add);
    return versions;
  }

  /** Every alias. */
  public List<AliasConfiguration> aliases() {
    List<AliasConfiguration> aliases = new ArrayList<>();
    lambda.listAliasesPaginator(r -> r.functionName(functionName)).aliases().forEach(aliases::add);
    return aliases;
  }
}
