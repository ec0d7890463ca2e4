package io.powertune.statemachine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.powertune.statemachine.ErrorNames;
import io.powertune.statemachine.StatesError;
import io.powertune.statemachine.states.LambdaResources;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Task resources that call Lambda: a function ARN (the result is the function's payload) and {@code
 * arn:aws:states:::lambda:invoke} (the result wraps the payload as the SDK response).
 */
final class LambdaTasks {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LambdaTasks() {}

  static JsonNode call(
      RunContext run, String resource, JsonNode input, Integer timeoutSeconds, Cursor cursor) {
    if (resource.equals(LambdaResources.INVOKE)) {
      return optimized(run, input, timeoutSeconds, cursor);
    }
    if (LambdaResources.isFunctionArn(resource)) {
      return direct(run, resource, input, timeoutSeconds, cursor);
    }
    throw new StatesError(
        ErrorNames.RUNTIME, "The resource '" + resource + "' is not supported by this platform");
  }

  private static JsonNode direct(
      RunContext run, String arn, JsonNode input, Integer timeoutSeconds, Cursor cursor) {
    ObjectNode scheduled = Details.none().put("resource", arn);
    Details.data(scheduled, "input", input);
    if (timeoutSeconds != null) {
      scheduled.put("timeoutInSeconds", timeoutSeconds);
    }
    run.log()
        .append(
            cursor,
            "LambdaFunctionScheduled",
            Details.wrap("lambdaFunctionScheduledEventDetails", scheduled));
    run.log().append(cursor, "LambdaFunctionStarted", Details.none());
    LambdaCall call =
        new LambdaCall(
            arn,
            null,
            LambdaResources.region(arn, run.info().region()),
            input.toString(),
            "RequestResponse",
            "None",
            null);
    LambdaResult result;
    try {
      result = invoke(run, call, timeoutSeconds);
    } catch (StatesError e) {
      String type =
          ErrorNames.TIMEOUT.equals(e.error()) ? "LambdaFunctionTimedOut" : "LambdaFunctionFailed";
      String key =
          ErrorNames.TIMEOUT.equals(e.error())
              ? "lambdaFunctionTimedOutEventDetails"
              : "lambdaFunctionFailedEventDetails";
      run.log().append(cursor, type, Details.errorCause(key, e.error(), e.cause()));
      throw e;
    }
    if (result.functionError() != null) {
      StatesError error = functionError(result);
      run.log()
          .append(
              cursor,
              "LambdaFunctionFailed",
              Details.errorCause("lambdaFunctionFailedEventDetails", error.error(), error.cause()));
      throw error;
    }
    JsonNode output = parse(result.payload());
    ObjectNode succeeded = Details.none();
    Details.data(succeeded, "output", output);
    run.log()
        .append(
            cursor,
            "LambdaFunctionSucceeded",
            Details.wrap("lambdaFunctionSucceededEventDetails", succeeded));
    return output;
  }

  private static JsonNode optimized(
      RunContext run, JsonNode parameters, Integer timeoutSeconds, Cursor cursor) {
    ObjectNode scheduled =
        Details.none()
            .put("resourceType", "lambda")
            .put("resource", "invoke")
            .put(
                "region",
                LambdaResources.region(
                    parameters.path("FunctionName").asText(""), run.info().region()))
            .put("parameters", parameters.toString());
    if (timeoutSeconds != null) {
      scheduled.put("timeoutInSeconds", timeoutSeconds);
    }
    run.log().append(cursor, "TaskScheduled", Details.wrap("taskScheduledEventDetails", scheduled));
    run.log()
        .append(
            cursor,
            "TaskStarted",
            Details.wrap(
                "taskStartedEventDetails",
                Details.none().put("resourceType", "lambda").put("resource", "invoke")));
    LambdaResult result;
    try {
      String function = text(parameters, "FunctionName");
      if (function == null) {
        throw new StatesError(
            ErrorNames.RUNTIME, "The field 'FunctionName' is required by lambda:invoke");
      }
      JsonNode payload = parameters.get("Payload");
      LambdaCall call =
          new LambdaCall(
              function,
              text(parameters, "Qualifier"),
              LambdaResources.region(function, run.info().region()),
              payload == null ? "{}" : payload.toString(),
              orDefault(text(parameters, "InvocationType"), "RequestResponse"),
              orDefault(text(parameters, "LogType"), "None"),
              text(parameters, "ClientContext"));
      result = invoke(run, call, timeoutSeconds);
      if (result.functionError() != null) {
        throw functionError(result);
      }
    } catch (StatesError e) {
      boolean timedOut = ErrorNames.TIMEOUT.equals(e.error());
      ObjectNode failed =
          Details.none()
              .put("resourceType", "lambda")
              .put("resource", "invoke")
              .put("error", e.error());
      if (!timedOut) {
        failed.put("cause", e.cause());
      }
      run.log()
          .append(
              cursor,
              timedOut ? "TaskTimedOut" : "TaskFailed",
              Details.wrap(
                  timedOut ? "taskTimedOutEventDetails" : "taskFailedEventDetails", failed));
      throw e;
    }
    ObjectNode output = wrapped(result);
    ObjectNode succeeded = Details.none().put("resourceType", "lambda").put("resource", "invoke");
    Details.data(succeeded, "output", output);
    run.log().append(cursor, "TaskSucceeded", Details.wrap("taskSucceededEventDetails", succeeded));
    return output;
  }

  /** The SDK's InvokeResponse as Step Functions hands it on. */
  private static ObjectNode wrapped(LambdaResult result) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("ExecutedVersion", result.executedVersion());
    out.set("Payload", parse(result.payload()));
    ObjectNode http = out.putObject("SdkHttpMetadata");
    http.putObject("AllHttpHeaders");
    http.putObject("HttpHeaders");
    http.put("HttpStatusCode", result.statusCode());
    out.putObject("SdkResponseMetadata").put("RequestId", result.requestId());
    out.put("StatusCode", result.statusCode());
    return out;
  }

  private static LambdaResult invoke(RunContext run, LambdaCall call, Integer timeoutSeconds) {
    try {
      // on a worker, so that a stop or a timeout need not wait for the function to end
      Future<LambdaResult> future = run.workers().submit(() -> run.port().invoke(call));
      try {
        return timeoutSeconds == null ? future.get() : future.get(timeoutSeconds, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        future.cancel(true);
        throw new StatesError(ErrorNames.TIMEOUT, null);
      } catch (InterruptedException e) {
        future.cancel(true);
        throw e;
      } catch (ExecutionException e) {
        if (e.getCause() instanceof LambdaApiException api) {
          throw api;
        }
        throw new StatesError("Lambda.Unknown", String.valueOf(e.getCause().getMessage()));
      }
    } catch (LambdaApiException e) {
      throw new StatesError("Lambda." + e.code(), e.stepFunctionsCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoppedException();
    }
  }

  /** A function error: named by the payload's errorType; the cause is the payload itself. */
  private static StatesError functionError(LambdaResult result) {
    JsonNode payload = parse(result.payload());
    String type = payload.path("errorType").asText("");
    return new StatesError(type.isEmpty() ? "Lambda.Unknown" : type, payload.toString());
  }

  private static JsonNode parse(String payload) {
    if (payload == null || payload.isEmpty()) {
      return TextNode.valueOf("");
    }
    try {
      return JSON.readTree(payload);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(payload);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
