package io.powertune.platform.lambda.invoke;

import io.powertune.platform.http.AwsRequest;
import io.powertune.platform.http.AwsResponse;
import io.powertune.platform.http.JsonProtocol;
import io.powertune.platform.http.RequestIds;
import io.powertune.platform.lambda.CodePackages;
import io.powertune.platform.lambda.Functions;
import io.powertune.platform.lambda.Resolved;
import io.powertune.platform.lambda.errors.InvalidParameterValueException;
import io.powertune.platform.lambda.errors.InvalidRequestContentException;
import io.powertune.platform.lambda.errors.RequestEntityTooLargeException;
import io.powertune.platform.lambda.errors.ResourceConflictException;
import io.powertune.platform.lambda.errors.ResourceNotFoundException;
import io.powertune.platform.lambda.errors.TooManyRequestsException;
import io.powertune.platform.lambda.errors.Validation;
import io.powertune.platform.lambda.model.AliasConfig;
import io.powertune.platform.lambda.model.FunctionKey;
import io.powertune.platform.lambda.model.FunctionRef;
import io.powertune.platform.lambda.model.FunctionState;
import io.powertune.platform.runtime.EnvironmentSpec;
import io.powertune.platform.store.EventStore;
import io.powertune.platform.store.QueuedEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

/** The Invoke operation: RequestResponse, Event and DryRun, with Lambda's limits and headers. */
public final class Invoker {

  static final int MAX_SYNC_PAYLOAD = 6_291_456;
  static final int MAX_ASYNC_PAYLOAD = 1_048_576;
  private static final int TAIL_BYTES = 4096;
  private static final int MAX_CLIENT_CONTEXT = 3583;

  private final Functions functions;
  private final CodePackages code;
  private final InvocationRunner runner;
  private final ConcurrencyLimiter limiter;
  private final EventQueue events;
  private final EventStore queued;

  public Invoker(
      Functions functions,
      CodePackages code,
      InvocationRunner runner,
      ConcurrencyLimiter limiter,
      EventQueue events,
      EventStore queued) {
    this.queued = queued;
    this.functions = functions;
    this.code = code;
    this.runner = runner;
    this.limiter = limiter;
    this.events = events;
  }

  public AwsResponse invoke(FunctionRef ref, AwsRequest request) {
    String type = header(request, "x-amz-invocation-type", "RequestResponse");
    if (!type.equals("RequestResponse") && !type.equals("Event") && !type.equals("DryRun")) {
      throw new InvalidParameterValueException(
          "1 validation error detected: Value '"
              + type
              + "' at 'invocationType' failed to satisfy"
              + " constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
    }
    String logType = header(request, "x-amz-log-type", "None");
    if (!logType.equals("None") && !logType.equals("Tail")) {
      throw Validation.enumValue("logType", logType, "None, Tail");
    }
    Resolved resolved = resolve(ref);
    byte[] payload =
        payload(request.body(), type.equals("Event") ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD);
    if (resolved.config().state() != FunctionState.Active) {
      throw new ResourceConflictException(
          "The operation cannot be performed at this time. The function is currently in the"
              + " following state: "
              + resolved.config().state());
    }
    String version = pickVersion(ref, resolved);
    Resolved target =
        version.equals(resolved.version())
            ? resolved
            : resolve(new FunctionRef(ref.key(), version));
    EnvironmentSpec spec =
        new EnvironmentSpec(
            ref.key(),
            target.version(),
            target.config(),
            code.unpacked(target.config().codeSha256()));
    String invokedArn = ref.qualifier() == null ? ref.key().arn() : ref.key().arn(ref.qualifier());
    String clientContext = clientContext(request.header("x-amz-client-context"));
    switch (type) {
      case "DryRun":
        return AwsResponse.empty(204);
      case "Event":
        long expires = events.expiryOfNewEvent();
        long id = queued.add(ref.key(), spec.version(), invokedArn, payload, expires);
        queue(id, spec, payload, invokedArn, 0, expires);
        return AwsResponse.empty(202).withHeader("X-Amz-Executed-Version", spec.version());
      default:
        // a function calling another waits for it: its CPU share goes to the callee meanwhile
        CallerShares.Loan loan = runner.lendCallerShare(request.header("x-amz-security-token"));
        InvocationOutcome outcome;
        try {
          outcome = runLimited(spec, request.requestId(), payload, invokedArn, clientContext);
        } finally {
          loan.close();
        }
        AwsResponse response =
            new AwsResponse(200, Map.of(), "application/json", outcome.payload())
                .withHeader("X-Amz-Executed-Version", outcome.executedVersion());
        if (outcome.functionError() != null) {
          response = response.withHeader("X-Amz-Function-Error", outcome.functionError());
        }
        if ("Tail".equals(request.header("x-amz-log-type"))) {
          response = response.withHeader("X-Amz-Log-Result", tail(outcome.logTail()));
        }
        return response;
    }
  }

  /**
   * Queues again the Event invocations a previous run of the platform had accepted and not done (an
   * attempt that was running when it stopped runs again: Event invocations are at least once).
   * Those whose function version is gone are dropped.
   */
  public void resumeQueued() {
    for (QueuedEvent event : queued.all()) {
      Resolved version;
      try {
        version = functions.resolve(new FunctionRef(event.key(), event.version()));
      } catch (RuntimeException e) {
        queued.remove(event.id());
        continue;
      }
      EnvironmentSpec spec =
          new EnvironmentSpec(
              event.key(),
              version.version(),
              version.config(),
              code.unpacked(version.config().codeSha256()));
      queue(
          event.id(),
          spec,
          event.payload(),
          event.invokedArn(),
          event.failures(),
          event.expiresAtMillis());
    }
  }

  private void queue(
      long id,
      EnvironmentSpec spec,
      byte[] payload,
      String invokedArn,
      int failures,
      long expiresAtMillis) {
    events.submit(
        () -> attempt(spec, payload, invokedArn),
        failures,
        expiresAtMillis,
        failed -> queued.failed(id, failed),
        () -> queued.remove(id));
  }

  private EventQueue.Attempt attempt(EnvironmentSpec spec, byte[] payload, String invokedArn) {
    try {
      InvocationOutcome outcome = runLimited(spec, RequestIds.next(), payload, invokedArn, null);
      return outcome.functionError() == null
          ? EventQueue.Attempt.SUCCEEDED
          : EventQueue.Attempt.FAILED;
    } catch (TooManyRequestsException e) {
      return EventQueue.Attempt.THROTTLED;
    }
  }

  private InvocationOutcome runLimited(
      EnvironmentSpec spec, String requestId, byte[] payload, String arn, String clientContext) {
    FunctionKey key = spec.key();
    OptionalInt reserved = functions.store().reservedConcurrency(key);
    limiter.acquire(
        key, reserved, reserved.orElse(0) + functions.store().reservedConcurrencyOfOthers(key));
    try {
      return runner.run(spec, requestId, payload, arn, clientContext);
    } finally {
      limiter.release(key, reserved.isPresent());
    }
  }

  private Resolved resolve(FunctionRef ref) {
    try {
      return functions.resolve(ref);
    } catch (ResourceNotFoundException e) {
      String qualified = ref.qualifier() == null ? ref.key().arn("$LATEST") : ref.arn();
      throw new ResourceNotFoundException("Function not found: " + qualified);
    }
  }

  /** With a weighted alias, the version this call runs. */
  private String pickVersion(FunctionRef ref, Resolved resolved) {
    if (ref.qualifier() == null || ref.qualifier().equals(resolved.version())) {
      return resolved.version();
    }
    AliasConfig alias = functions.store().alias(ref.key(), ref.qualifier()).orElse(null);
    if (alias == null || alias.additionalVersionWeights().isEmpty()) {
      return resolved.version();
    }
    double draw = ThreadLocalRandom.current().nextDouble();
    for (Map.Entry<String, Double> weight : alias.additionalVersionWeights().entrySet()) {
      draw -= weight.getValue();
      if (draw < 0) {
        return weight.getKey();
      }
    }
    return resolved.version();
  }

  private static byte[] payload(byte[] body, int limit) {
    if (body.length > limit) {
      throw new RequestEntityTooLargeException(
          "Request must be smaller than " + limit + " bytes for the InvokeFunction operation");
    }
    if (body.length == 0) {
      return "{}".getBytes(StandardCharsets.UTF_8);
    }
    try {
      JsonProtocol.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new InvalidRequestContentException(
          "Could not parse request body into json: Could not parse payload into json: "
              + e.getMessage().lines().findFirst().orElse(""));
    }
    return body;
  }

  private static String clientContext(String base64) {
    if (base64 == null) {
      return null;
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(base64);
      if (bytes.length > MAX_CLIENT_CONTEXT) {
        throw new InvalidRequestContentException(
            "Client context must be at most " + MAX_CLIENT_CONTEXT + " bytes once decoded.");
      }
      if (!JsonProtocol.MAPPER.readTree(bytes).isObject()) {
        throw new InvalidRequestContentException("Client context must be a JSON object.");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException | IOException e) {
      throw new InvalidRequestContentException(
          "Client context must be a valid Base64-encoded JSON object.");
    }
  }

  private static String tail(String log) {
    byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
    int from = Math.max(0, bytes.length - TAIL_BYTES);
    return Base64.getEncoder()
        .encodeToString(java.util.Arrays.copyOfRange(bytes, from, bytes.length));
  }

  private static String header(AwsRequest request, String name, String fallback) {
    String value = request.header(name);
    return value == null ? fallback : value;
  }
}
