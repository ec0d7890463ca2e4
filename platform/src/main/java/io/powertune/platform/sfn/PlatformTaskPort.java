package io.powertune.platform.sfn;

import io.powertune.platform.http.AwsRequest;
import io.powertune.platform.http.AwsResponse;
import io.powertune.platform.http.AwsServiceException;
import io.powertune.platform.http.RequestIds;
import io.powertune.platform.lambda.invoke.Invoker;
import io.powertune.platform.lambda.model.FunctionRef;
import io.powertune.statemachine.run.LambdaApiException;
import io.powertune.statemachine.run.LambdaCall;
import io.powertune.statemachine.run.LambdaResult;
import io.powertune.statemachine.run.TaskPort;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Task calls of one account, made in process through the same invoke path as the Lambda API (its
 * checks, concurrency limits and admission control included).
 */
final class PlatformTaskPort implements TaskPort {

  private final Invoker invoker;
  private final String account;

  PlatformTaskPort(Invoker invoker, String account) {
    this.invoker = invoker;
    this.account = account;
  }

  @Override
  public LambdaResult invoke(LambdaCall call) throws InterruptedException {
    String requestId = RequestIds.next();
    try {
      FunctionRef ref =
          FunctionRef.parse(call.functionName(), call.qualifier(), call.region(), account);
      Map<String, String> headers = new HashMap<>();
      headers.put("x-amz-invocation-type", call.invocationType());
      headers.put("x-amz-log-type", call.logType());
      if (call.clientContext() != null) {
        headers.put("x-amz-client-context", call.clientContext());
      }
      AwsRequest request =
          new AwsRequest(
              "POST",
              List.of(),
              Map.of(),
              headers,
              call.payload().getBytes(StandardCharsets.UTF_8),
              call.region(),
              ref.key().account(),
              requestId);
      AwsResponse response = invoker.invoke(ref, request);
      if (Thread.interrupted()) {
        throw new InterruptedException("the execution was stopped");
      }
      return new LambdaResult(
          response.status(),
          response.headers().get("X-Amz-Function-Error"),
          new String(response.body(), StandardCharsets.UTF_8),
          response.headers().getOrDefault("X-Amz-Executed-Version", "$LATEST"),
          requestId,
          response.headers().get("X-Amz-Log-Result"));
    } catch (AwsServiceException e) {
      throw new LambdaApiException(e.code(), e.status(), e.getMessage(), requestId);
    } catch (IllegalStateException e) {
      if (Thread.interrupted()) {
        throw new InterruptedException("the execution was stopped");
      }
      throw e;
    }
  }
}
