package io.powertune.platform.lambda.invoke;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.platform.http.JsonProtocol;
import io.powertune.platform.logs.LogWriter;
import io.powertune.platform.runtime.EnvironmentSpec;
import io.powertune.platform.runtime.LogStreams;
import io.powertune.platform.store.LogStore.Scope;
import io.powertune.platform.trusted.TrustedHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.BiFunction;

/**
 * Runs the invocations of trusted handlers inside the platform's JVM (see {@link TrustedHandler}).
 * Each handler instance is an execution environment of its own: made on a cold start (its
 * construction is the Init Duration), used by one invocation at a time, kept warm afterwards. Its
 * log stream gets the same INIT_START, START, END and REPORT lines as a process's.
 */
final class InProcessRunner {

  /** One warm handler instance and its log stream. */
  private record Instance(RequestStreamHandler handler, String stream, InvocationLog log) {}

  private final List<TrustedHandler> trusted;
  private final LogWriter writer;
  private final Clock clock;
  private final BiFunction<EnvironmentSpec, String, Map<String, String>> environment;
  private final Map<String, Deque<Instance>> idle = new ConcurrentHashMap<>();

  /**
   * @param environment the variables of an environment of the spec with the given log stream
   */
  InProcessRunner(
      List<TrustedHandler> trusted,
      LogWriter writer,
      Clock clock,
      BiFunction<EnvironmentSpec, String, Map<String, String>> environment) {
    this.trusted = List.copyOf(trusted);
    this.writer = writer;
    this.clock = clock;
    this.environment = environment;
  }

  /** The trusted handler that runs this spec, if any. */
  Optional<TrustedHandler> find(EnvironmentSpec spec) {
    return trusted.stream()
        .filter(
            t ->
                t.matches(
                    spec.config().runtime(), spec.config().handler(), spec.config().codeSha256()))
        .findFirst();
  }

  InvocationOutcome run(
      TrustedHandler handler,
      EnvironmentSpec spec,
      String requestId,
      byte[] payload,
      String invokedArn) {
    PlatformLines lines = new PlatformLines(spec.config().logFormat(), false);
    Deque<Instance> queue =
        idle.computeIfAbsent(spec.poolKey(), k -> new ConcurrentLinkedDeque<>());
    Instance instance = queue.pollLast();
    double initMs = -1;
    if (instance == null) {
      String stream = LogStreams.name(clock.instant(), spec.version());
      InvocationLog log =
          new InvocationLog(
              writer,
              new Scope(spec.key().account(), spec.key().region()),
              spec.config().logGroup(),
              stream);
      log.collect(false);
      log.line(lines.initStart(spec.config().runtime(), spec.key().region(), clock.instant()));
      long started = System.nanoTime();
      try {
        instance =
            new Instance(handler.factory().create(environment.apply(spec, stream)), stream, log);
      } catch (Exception | LinkageError e) {
        double ms = (System.nanoTime() - started) / 1e6;
        return initFailed(log, lines, spec, requestId, ms, e);
      }
      initMs = (System.nanoTime() - started) / 1e6;
    }
    try {
      return invoke(instance, lines, spec, requestId, payload, invokedArn, initMs);
    } finally {
      queue.addLast(instance);
    }
  }

  private InvocationOutcome invoke(
      Instance instance,
      PlatformLines lines,
      EnvironmentSpec spec,
      String requestId,
      byte[] payload,
      String invokedArn,
      double initMs) {
    InvocationLog log = instance.log();
    log.collect(initMs >= 0);
    log.line(lines.start(requestId, spec.version(), clock.instant()));
    long deadline = clock.millis() + spec.config().timeout() * 1000L;
    InProcessContext context =
        new InProcessContext(spec, requestId, invokedArn, instance.stream(), deadline, clock, log);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long started = System.nanoTime();
    byte[] result;
    String functionError = null;
    try {
      instance.handler().handleRequest(new ByteArrayInputStream(payload), out, context);
      result = out.size() == 0 ? "null".getBytes(StandardCharsets.UTF_8) : out.toByteArray();
    } catch (Exception | LinkageError e) {
      functionError = "Unhandled";
      result = errorJson(e);
      log.line(new String(result, StandardCharsets.UTF_8));
    }
    double durationMs = PlatformLines.round2((System.nanoTime() - started) / 1e6);
    log.line(lines.end(requestId));
    double billedBase = durationMs + Math.max(initMs, 0);
    log.line(
        lines.report(
            new PlatformLines.Report(
                requestId,
                durationMs,
                Math.max((long) Math.ceil(PlatformLines.round2(billedBase)), 1),
                spec.config().memorySize(),
                usedMemoryMb(spec.config().memorySize()),
                initMs < 0 ? -1 : PlatformLines.round2(initMs),
                functionError == null ? null : "error",
                null),
            clock.instant()));
    return new InvocationOutcome(result, functionError, spec.version(), log.take());
  }

  private InvocationOutcome initFailed(
      InvocationLog log,
      PlatformLines lines,
      EnvironmentSpec spec,
      String requestId,
      double initMs,
      Throwable failure) {
    byte[] error = errorJson(failure);
    log.line(new String(error, StandardCharsets.UTF_8));
    log.line(lines.initReport(initMs, "Runtime.Unknown"));
    log.line(lines.start(requestId, spec.version(), clock.instant()));
    log.line(lines.end(requestId));
    log.line(
        lines.report(
            new PlatformLines.Report(
                requestId,
                0,
                Math.max((long) Math.ceil(initMs), 1),
                spec.config().memorySize(),
                usedMemoryMb(spec.config().memorySize()),
                PlatformLines.round2(initMs),
                "error",
                "Runtime.Unknown"),
            clock.instant()));
    return new InvocationOutcome(error, "Unhandled", spec.version(), log.take());
  }

  /** The error body Lambda's Java runtime sends: the exception's class, message and stack. */
  private static byte[] errorJson(Throwable e) {
    ObjectNode node = JsonProtocol.MAPPER.createObjectNode();
    node.put("errorMessage", e.getMessage() == null ? e.toString() : e.getMessage());
    node.put("errorType", e.getClass().getName());
    var stack = node.putArray("stackTrace");
    for (StackTraceElement element : e.getStackTrace()) {
      stack.add(element.toString());
    }
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The platform's heap in use, as far as it fits the function's size (a shared JVM's figure). */
  private static int usedMemoryMb(int memorySizeMb) {
    Runtime runtime = Runtime.getRuntime();
    long used = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    return (int) Math.max(1, Math.min(used, memorySizeMb));
  }
}
