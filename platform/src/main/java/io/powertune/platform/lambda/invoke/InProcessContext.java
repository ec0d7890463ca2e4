package io.powertune.platform.lambda.invoke;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.powertune.platform.runtime.EnvironmentSpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** The Lambda context of one in-process invocation; its logger writes to the invocation's log. */
final class InProcessContext implements Context {

  private final EnvironmentSpec spec;
  private final String requestId;
  private final String invokedArn;
  private final String logStream;
  private final long deadlineMillis;
  private final Clock clock;
  private final LambdaLogger logger;

  InProcessContext(
      EnvironmentSpec spec,
      String requestId,
      String invokedArn,
      String logStream,
      long deadlineMillis,
      Clock clock,
      InvocationLog log) {
    this.spec = spec;
    this.requestId = requestId;
    this.invokedArn = invokedArn;
    this.logStream = logStream;
    this.deadlineMillis = deadlineMillis;
    this.clock = clock;
    this.logger =
        new LambdaLogger() {
          @Override
          public void log(String message) {
            message.lines().forEach(log::line);
          }

          @Override
          public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
          }
        };
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return spec.config().logGroup();
  }

  @Override
  public String getLogStreamName() {
    return logStream;
  }

  @Override
  public String getFunctionName() {
    return spec.key().name();
  }

  @Override
  public String getFunctionVersion() {
    return spec.version();
  }

  @Override
  public String getInvokedFunctionArn() {
    return invokedArn;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadlineMillis - clock.millis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return spec.config().memorySize();
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }
}
