package io.powertune.tuner.execute;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParseException;
import io.powertune.analyzer.report.ReportParser;
import io.powertune.tuner.TunerJson;
import io.powertune.tuner.aws.AwsClients;
import io.powertune.tuner.aws.TargetFunction;
import io.powertune.tuner.input.FunctionArn;
import io.powertune.tuner.input.TuningInput;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Runs one planned invocation of one size: the pre-processor, the function with {@code
 * LogType=Tail} and the post-processor. Throttles (429) are retried with backoff and jitter for as
 * long as the call's deadline allows; a throttled invocation that cannot be retried in time is
 * deferred to the next call. Only failures that mean the function did not run (a refused
 * connection) are retried otherwise: a retried Invoke must never run the function twice.
 */
public final class Invocations {

  private static final int CONNECT_ATTEMPTS = 4;

  /**
   * How many times a contended invocation is run again at most: none for now. A rerun runs the
   * function (and its pre- and post-processors) more often than {@code num}, which users and tests
   * counting invocations rely on; a contended sample counts with its CPU Wait taken off instead.
   */
  public static final int CONTENDED_RERUNS = 0;

  private final AwsClients clients;
  private final TuningInput input;
  private final int memory;
  private final List<String> payloads;
  private final Deadline deadline;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final LongSupplier millis;

  public Invocations(
      AwsClients clients,
      TuningInput input,
      int memory,
      List<String> payloads,
      Deadline deadline,
      Sleeper sleeper,
      DoubleSupplier random,
      LongSupplier millis) {
    this.clients = clients;
    this.input = input;
    this.memory = memory;
    this.payloads = List.copyOf(payloads);
    this.deadline = deadline;
    this.sleeper = sleeper;
    this.random = random;
    this.millis = millis;
  }

  /**
   * Runs invocation {@code index}, or defers it when the call has no time left for it. A run whose
   * REPORT says the host was busy with other work ({@code Contended: true}, from powertune's
   * platform) is run again, up to {@link #CONTENDED_RERUNS} times while the call has time; the
   * sample says how many runs it took, and still says contended when none was quiet. A rerun runs
   * the pre- and post-processors again. Cold starts are not run again: a second run would be warm.
   */
  public Outcome run(int index) throws InterruptedException {
    Outcome outcome = once(index);
    int reruns = 0;
    while (outcome instanceof Outcome.Measured measured
        && measured.sample().contended()
        && measured.sample().init() == null
        && !input.onlyColdStarts()
        && reruns < CONTENDED_RERUNS
        && deadline.allowsAnother()) {
      Outcome again = once(index);
      if (again instanceof Outcome.Deferred) {
        break;
      }
      reruns++;
      outcome = again;
    }
    if (reruns == 0) {
      return outcome;
    }
    return outcome instanceof Outcome.Failed failed
        ? new Outcome.Failed(failed.sample().afterReruns(reruns), failed.reason())
        : new Outcome.Measured(((Outcome.Measured) outcome).sample().afterReruns(reruns));
  }

  private Outcome once(int index) throws InterruptedException {
    if (!deadline.allowsAnother()) {
      return new Outcome.Deferred();
    }
    long started = millis.getAsLong();
    String payload = payloads.get(index);
    boolean underWay = false;
    if (input.preProcessor() != null) {
      Answer pre = invoke(input.preProcessor(), null, payload, false);
      if (pre == null) {
        return new Outcome.Deferred();
      }
      failIfProcessorFailed("Pre-processor", input.preProcessor(), pre.response(), payload);
      String replacement =
          pre.response().payload() == null ? "" : pre.response().payload().asUtf8String();
      payload = replacement.isEmpty() ? payload : replacement;
      underWay = true; // from here the invocation finishes if it can, rather than be deferred
    }
    FunctionArn target = input.target();
    String alias = input.alias(memory, index);
    if (input.onlyColdStarts()) {
      // each cold-start invocation has a version of its own, which must be Active first
      TargetFunction function =
          new TargetFunction(clients.lambda(target.region()), target.unqualified());
      if (function.configuration(alias).state() == State.PENDING) {
        function.waitUntilActive(alias);
      }
    }
    Answer answer = invoke(target, alias, payload, underWay);
    if (answer == null) {
      return new Outcome.Deferred();
    }
    InvokeResponse response = answer.response();
    Outcome outcome = outcome(index, response, payload, answer.throttles());
    if (input.postProcessor() != null) {
      String result = response.payload() == null ? "null" : response.payload().asUtf8String();
      Answer post = invoke(input.postProcessor(), null, result.isEmpty() ? "null" : result, true);
      if (post == null) {
        throw new IllegalStateException(
            "the post-processor "
                + input.postProcessor().display()
                + " was throttled until this Executor call ran out of time; raise its"
                + " concurrency or lower maxParallelInvocations");
      }
      failIfProcessorFailed("Post-processor", input.postProcessor(), post.response(), result);
    }
    deadline.observed(millis.getAsLong() - started);
    return outcome;
  }

  private Outcome outcome(int index, InvokeResponse response, String payload, int throttles) {
    Report report;
    try {
      report = ReportParser.parseLogResult(response.logResult());
    } catch (ReportParseException e) {
      throw new IllegalStateException(
          "invocation "
              + (index + 1)
              + " of "
              + memory
              + " MB returned no REPORT line in its log tail ("
              + e.getMessage()
              + "); the tuner measures durations from it",
          e);
    }
    String functionError = response.functionError();
    if (functionError == null) {
      return new Outcome.Measured(Sample.of(index, report, null, false, throttles));
    }
    JsonNode error = errorBody(response.payload());
    String type = error.path("errorType").asText(functionError);
    String message = error.path("errorMessage").asText("");
    if (input.allowedExceptions().contains(type)) {
      return new Outcome.Measured(Sample.of(index, report, type, true, throttles));
    }
    String reason =
        Failures.reason(
            index,
            input.invocationsPerSize(),
            type,
            message,
            report,
            input.disablePayloadLogs() ? null : payload);
    return new Outcome.Failed(Sample.of(index, report, type, false, throttles), reason);
  }

  /** An invoke's answer, and how many times it was throttled before it ran. */
  private record Answer(InvokeResponse response, int throttles) {}

  /**
   * Invokes with retries; null when throttled past the deadline.
   *
   * @param underWay true when the invocation must finish if it can (its pre-processor ran), so only
   *     the deadline's margin bounds the retries
   */
  private Answer invoke(FunctionArn function, String qualifier, String payload, boolean underWay)
      throws InterruptedException {
    int throttles = 0;
    int refusals = 0;
    while (true) {
      try {
        InvokeResponse response =
            clients
                .invoker(function.region())
                .invoke(
                    r ->
                        r.functionName(function.unqualified())
                            .qualifier(qualifier != null ? qualifier : function.qualifier())
                            .payload(SdkBytes.fromString(payload, StandardCharsets.UTF_8))
                            .logType(LogType.TAIL));
        return new Answer(response, throttles);
      } catch (TooManyRequestsException e) {
        Duration wait = ThrottleBackoff.DEFAULT.delay(++throttles, random.getAsDouble());
        boolean time =
            underWay
                ? deadline.allowsWaitToFinish(wait.toMillis())
                : deadline.allowsWait(wait.toMillis());
        if (!time) {
          return null;
        }
        sleeper.sleep(wait);
      } catch (SdkClientException e) {
        if (!refused(e) || ++refusals >= CONNECT_ATTEMPTS) {
          throw e;
        }
        sleeper.sleep(ThrottleBackoff.DEFAULT.delay(refusals, random.getAsDouble()));
      }
    }
  }

  /** True when the request never reached the endpoint, so the function did not run. */
  private static boolean refused(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }

  private void failIfProcessorFailed(
      String which, FunctionArn processor, InvokeResponse response, String payload) {
    if (response.functionError() == null) {
      return;
    }
    JsonNode error = errorBody(response.payload());
    throw new ProcessorFailedException(
        Failures.processorFailed(
            which,
            processor.display(),
            error.path("errorType").asText(response.functionError()),
            error.path("errorMessage").asText(""),
            input.disablePayloadLogs() ? null : payload));
  }

  private static JsonNode errorBody(SdkBytes payload) {
    try {
      return TunerJson.MAPPER.readTree(payload == null ? "{}" : payload.asUtf8String());
    } catch (Exception e) {
      return TunerJson.MAPPER.createObjectNode().put("errorMessage", payload.asUtf8String());
    }
  }
}
