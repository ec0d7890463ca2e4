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
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the invocations of trusted handlers inside the platform's JVM (see {@link TrustedHandler}).
 * Each handler instance is an execution environment of its own: made on a cold start (its
 * construction is the Init Duration), used by one invocation at a time, kept warm afterwards and
 * ended (closed, when it can be) once idle for the idle timeout. Its log stream gets the same
 * INIT_START, START, END and REPORT lines as a process's; an invocation past the function's timeout
 * is abandoned with Lambda's timeout error, and its instance with it.
 */
public final class InProcessRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InProcessRunner.class);

  /** One handler instance and its log stream. */
  private static final class Instance {
    final RequestStreamHandler handler;
    final String stream;
    final InvocationLog log;
    volatile long lastUsedNanos = System.nanoTime();

    Instance(RequestStreamHandler handler, String stream, InvocationLog log) {
      this.handler = handler;
      this.stream = stream;
      this.log = log;
    }
  }

  /** How an invocation of an instance ended. */
  private record Result(byte[] payload, String functionError, String status, String errorType) {}

  private final List<TrustedHandler> trusted;
  private final LogWriter writer;
  private final Clock clock;
  private final Duration idleTimeout;
  private final BiFunction<EnvironmentSpec, String, Map<String, String>> environment;
  private final Map<String, Deque<Instance>> idle = new ConcurrentHashMap<>();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "in-process-function");
            t.setDaemon(true);
            return t;
          });
  private final ScheduledExecutorService reaper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "in-process-reaper");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param environment the variables of an environment of the spec with the given log stream
   */
  public InProcessRunner(
      List<TrustedHandler> trusted,
      LogWriter writer,
      Clock clock,
      Duration idleTimeout,
      BiFunction<EnvironmentSpec, String, Map<String, String>> environment) {
    this.trusted = List.copyOf(trusted);
    this.writer = writer;
    this.clock = clock;
    this.idleTimeout = idleTimeout;
    this.environment = environment;
    long period = Math.max(1, Math.min(idleTimeout.toMillis() / 2, 60_000));
    reaper.scheduleWithFixedDelay(this::endIdle, period, period, TimeUnit.MILLISECONDS);
  }

  /** The trusted handler that runs this spec, if any. */
  Optional<TrustedHandler> find(EnvironmentSpec spec) {
    return trusted.stream()
        .filter(
            t ->
                t.matches(
                    spec.config().runtime(),
                    spec.config().handler(),
                    spec.config().codeSha256(),
                    spec.config().environment()))
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
      } catch (Exception | Error e) {
        double ms = (System.nanoTime() - started) / 1e6;
        return initFailed(log, lines, spec, requestId, ms, e);
      }
      initMs = (System.nanoTime() - started) / 1e6;
    }
    InvocationLog log = instance.log;
    log.collect(initMs >= 0);
    log.line(lines.start(requestId, spec.version(), clock.instant()));
    long timeoutMs = spec.config().timeout() * 1000L;
    InProcessContext context =
        new InProcessContext(
            spec, requestId, invokedArn, instance.stream, clock.millis() + timeoutMs, clock, log);
    long started = System.nanoTime();
    Result result = invoke(instance, payload, context, timeoutMs, requestId);
    double durationMs = PlatformLines.round2((System.nanoTime() - started) / 1e6);
    if ("timeout".equals(result.status())) {
      log.line(PlatformLines.timedOut(requestId, spec.config().timeout(), clock.instant()));
      durationMs = timeoutMs;
    }
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
                result.status(),
                result.errorType(),
                null),
            clock.instant()));
    String tail = log.take();
    if (result.status() == null) {
      instance.lastUsedNanos = System.nanoTime();
      queue.addLast(instance);
    } else {
      close(instance); // it timed out or broke: it serves no more
    }
    return new InvocationOutcome(result.payload(), result.functionError(), spec.version(), tail);
  }

  /**
   * Runs the handler on a thread of its own, so that the invocation can end at its timeout. A
   * caller that is interrupted still waits for the handler to end, as the process runner does.
   */
  private Result invoke(
      Instance instance, byte[] payload, InProcessContext context, long timeoutMs, String id) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Future<?> call =
        threads.submit(
            () -> {
              instance.handler.handleRequest(new ByteArrayInputStream(payload), out, context);
              return null;
            });
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          byte[] body =
              out.size() == 0 ? "null".getBytes(StandardCharsets.UTF_8) : out.toByteArray();
          return new Result(body, null, null, null);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      byte[] error = errorJson(e.getCause());
      instance.log.line(new String(error, StandardCharsets.UTF_8));
      boolean fatal = e.getCause() instanceof Error;
      return new Result(
          error, "Unhandled", fatal ? "error" : null, fatal ? "Runtime.Unknown" : null);
    } catch (TimeoutException e) {
      call.cancel(true);
      String message =
          "RequestId: "
              + id
              + " Error: Task timed out after "
              + PlatformLines.format2(timeoutMs / 1000.0)
              + " seconds";
      ObjectNode error = JsonProtocol.MAPPER.createObjectNode();
      error.put("errorType", "Sandbox.Timedout").put("errorMessage", message);
      return new Result(
          error.toString().getBytes(StandardCharsets.UTF_8), "Unhandled", "timeout", null);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
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
                "Runtime.Unknown",
                null),
            clock.instant()));
    return new InvocationOutcome(error, "Unhandled", spec.version(), log.take());
  }

  /** Ends the instances that have been idle for longer than the idle timeout. */
  private void endIdle() {
    long now = System.nanoTime();
    for (Deque<Instance> queue : idle.values()) {
      queue.removeIf(
          instance -> {
            boolean expired = now - instance.lastUsedNanos > idleTimeout.toNanos();
            if (expired) {
              close(instance);
            }
            return expired;
          });
    }
  }

  private static void close(Instance instance) {
    if (instance.handler instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.debug("closing an in-process function failed", e);
      }
    }
  }

  @Override
  public void close() {
    reaper.shutdownNow();
    idle.values().forEach(queue -> queue.forEach(InProcessRunner::close));
    idle.clear();
    threads.shutdownNow();
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
