package io.powertune.platform.lambda.invoke;

import io.powertune.platform.lambda.errors.TooManyRequestsException;
import io.powertune.platform.logs.LogWriter;
import io.powertune.platform.resources.AdmissionControl;
import io.powertune.platform.resources.CpuSample;
import io.powertune.platform.resources.CpuShare;
import io.powertune.platform.resources.CpuWait;
import io.powertune.platform.runtime.EnvironmentPool;
import io.powertune.platform.runtime.EnvironmentPool.Lease;
import io.powertune.platform.runtime.EnvironmentSpec;
import io.powertune.platform.runtime.EnvironmentStartException;
import io.powertune.platform.runtime.ExecutionEnvironment;
import io.powertune.platform.runtime.InitErrorException;
import io.powertune.platform.runtime.Invocation;
import io.powertune.platform.runtime.OutputSink;
import io.powertune.platform.runtime.RuntimeResult;
import io.powertune.platform.runtime.RuntimeResult.EnvironmentFailure;
import io.powertune.platform.runtime.RuntimeResult.FunctionError;
import io.powertune.platform.runtime.RuntimeResult.Kind;
import io.powertune.platform.runtime.RuntimeResult.Success;
import io.powertune.platform.store.LogStore.Scope;
import io.powertune.platform.trusted.TrustedHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one invocation in an execution environment and writes its platform lines: START, the
 * function's output, END and REPORT (with Init Duration on a cold start, billed since August 2025,
 * and where cgroups are available the invocation's CPU Wait beyond its quota, {@code Contended:
 * true} when that is over 5% of its duration: fields Lambda's own parsers skip).
 */
public final class InvocationRunner {

  private static final long INIT_LIMIT_MS = 10_000;

  private final EnvironmentPool pool;
  private final LogWriter writer;
  private final Clock clock;

  private static final AdmissionControl.Permit UNLIMITED =
      new AdmissionControl.Permit() {
        @Override
        public int cpu() {
          return -1;
        }

        @Override
        public void close() {}
      };

  private final AdmissionControl admission;
  private final int hostCores;
  private final Duration admissionWait;
  private final Map<String, InvocationLog> logs = new ConcurrentHashMap<>();
  private final InProcessRunner inProcess;
  private final CallerShares callers;

  /**
   * @param admission limits the CPU shares running at once; null admits every invocation at once
   * @param hostCores the cores CPU shares are capped at
   * @param inProcess runs trusted handlers inside the platform's JVM, outside admission control
   */
  public InvocationRunner(
      EnvironmentPool pool,
      LogWriter writer,
      Clock clock,
      AdmissionControl admission,
      int hostCores,
      Duration admissionWait,
      InProcessRunner inProcess) {
    this.pool = pool;
    this.inProcess = inProcess;
    this.writer = writer;
    this.clock = clock;
    this.admission = admission;
    this.hostCores = hostCores;
    this.admissionWait = admissionWait;
    this.callers = admission == null ? null : new CallerShares(admission, admissionWait);
    pool.onEnd(env -> logs.remove(env.logStream()));
  }

  /**
   * Runs the invocation.
   *
   * @param invokedArn the ARN as the caller named it (qualified)
   */
  @SuppressWarnings("try") // the burst permit is held for the init, not used in it
  public InvocationOutcome run(
      EnvironmentSpec spec,
      String requestId,
      byte[] payload,
      String invokedArn,
      String clientContext) {
    Optional<TrustedHandler> trusted = inProcess.find(spec);
    if (trusted.isPresent()) {
      return inProcess.run(trusted.get(), spec, requestId, payload, invokedArn);
    }
    PlatformLines lines = new PlatformLines(spec.config().logFormat(), admission != null);
    Scope scope = new Scope(spec.key().account(), spec.key().region());
    double vcpus = CpuShare.forMemory(spec.config().memorySize(), hostCores).vcpus();
    AdmissionControl.Permit permit = null;
    Lease lease = null;
    // a caller that finds no warm environment after its wait has the rest of it for a cold start
    long admitBy = System.nanoTime() + admissionWait.toNanos();
    if (pool.hasWarm(spec)) {
      // the share first, then the environment: callers a busy host queues share the warm ones
      // instead of each holding one while it waits
      permit = admit(vcpus, admitBy);
      lease = pool.warm(spec);
      if (lease == null) {
        permit.close();
        permit = null;
      }
    }
    double initMs = -1;
    if (lease == null) {
      try (AdmissionControl.Permit burst =
          admit(CpuShare.forInit(spec.config().memorySize(), hostCores).vcpus(), admitBy)) {
        lease = pool.start(spec, stream -> initLog(spec, scope, lines, stream), burst.cpu());
        ExecutionEnvironment env = lease.env();
        try {
          long ready =
              env.initialized()
                  .get(INIT_LIMIT_MS + spec.config().timeout() * 1000L, TimeUnit.MILLISECONDS);
          initMs = (ready - env.runtimeStartNanos()) / 1e6;
        } catch (ExecutionException | TimeoutException e) {
          return initFailed(env, logFor(env, spec, scope), lines, spec, requestId, e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          pool.end(env);
          throw new IllegalStateException("interrupted", e);
        }
      }
    }
    ExecutionEnvironment env = lease.env();
    InvocationLog log = logFor(env, spec, scope);
    if (permit == null) {
      try {
        permit = admit(vcpus, System.nanoTime() + admissionWait.toNanos());
      } catch (TooManyRequestsException e) {
        pool.release(env);
        throw e;
      }
    }
    env.pin(permit.cpu());
    // the share is held for the invocation, and lent while it calls another function
    CallerShares.Held held = callers == null ? null : callers.hold(env, permit, vcpus);
    try {
      int cpus = permit.cpu() >= 0 ? 1 : hostCores;
      return invoke(
          env,
          log,
          lines,
          spec,
          requestId,
          payload,
          invokedArn,
          clientContext,
          initMs,
          lease,
          cpus,
          vcpus);
    } finally {
      if (held != null) {
        held.close();
      } else {
        permit.close();
      }
    }
  }

  /**
   * Lends the CPU share of the invocation that makes a synchronous call (identified by its
   * environment's session token), until the returned loan is closed.
   */
  CallerShares.Loan lendCallerShare(String sessionToken) {
    return callers == null ? () -> {} : callers.lend(sessionToken);
  }

  /** The log of a new environment's stream, collecting its init output. */
  private OutputSink initLog(
      EnvironmentSpec spec, Scope scope, PlatformLines lines, String stream) {
    InvocationLog log = new InvocationLog(writer, scope, spec.config().logGroup(), stream);
    logs.put(stream, log);
    log.collect(false);
    log.line(lines.initStart(spec.config().runtime(), spec.key().region(), clock.instant()));
    return log::line;
  }

  private InvocationLog logFor(ExecutionEnvironment env, EnvironmentSpec spec, Scope scope) {
    return logs.computeIfAbsent(
        env.logStream(),
        stream -> new InvocationLog(writer, scope, spec.config().logGroup(), stream));
  }

  /**
   * Waits until {@code vcpus} fit among the CPU shares running now (an init's burst or an
   * invocation's share); when they do not by {@code byNanos} (a {@link System#nanoTime}), throttles
   * the call.
   */
  private AdmissionControl.Permit admit(double vcpus, long byNanos) {
    if (admission == null) {
      return UNLIMITED;
    }
    try {
      AdmissionControl.Permit permit =
          admission.tryAcquire(vcpus, Duration.ofNanos(Math.max(0, byNanos - System.nanoTime())));
      if (permit != null) {
        return permit;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for CPU", e);
    }
    throw new TooManyRequestsException(
        "Rate Exceeded. Every CPU of this host is busy with other measured invocations.",
        TooManyRequestsException.Reason.ConcurrentInvocationLimitExceeded);
  }

  private InvocationOutcome invoke(
      ExecutionEnvironment env,
      InvocationLog log,
      PlatformLines lines,
      EnvironmentSpec spec,
      String requestId,
      byte[] payload,
      String invokedArn,
      String clientContext,
      double initMs,
      Lease lease,
      int cpus,
      double vcpus) {
    log.collect(lease.cold());
    log.line(lines.start(requestId, spec.version(), clock.instant()));
    long timeoutMs = spec.config().timeout() * 1000L;
    Invocation invocation =
        new Invocation(
            requestId,
            payload,
            invokedArn,
            clock.millis() + timeoutMs,
            clientContext,
            new CompletableFuture<>());
    CpuSample before = env.cpuSample();
    env.deliver(invocation);
    RuntimeResult result = await(invocation, timeoutMs);
    CpuWait cpuWait = null;
    if (before != null && !(result instanceof EnvironmentFailure)) {
      CpuSample after = env.cpuSample();
      long durationNanos = result.endedNanos() - env.deliveredNanos();
      cpuWait = after == null ? null : CpuWait.between(before, after, durationNanos, cpus, vcpus);
    }
    return finish(env, log, lines, spec, requestId, result, initMs, cpuWait);
  }

  /**
   * The invocation's result. A caller that is interrupted (a Step Functions Task that timed out or
   * was stopped) still waits for the function to end, as Lambda lets it run: its environment, CPU
   * share and log lines are then settled, and the interrupt is kept for the caller to see.
   */
  private static RuntimeResult await(Invocation invocation, long timeoutMs) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return invocation
              .result()
              .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (TimeoutException e) {
      return new EnvironmentFailure(Kind.TIMEOUT, "Sandbox.Timedout", "", System.nanoTime());
    } catch (ExecutionException e) {
      throw new IllegalStateException("invocation failed", e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private InvocationOutcome finish(
      ExecutionEnvironment env,
      InvocationLog log,
      PlatformLines lines,
      EnvironmentSpec spec,
      String requestId,
      RuntimeResult result,
      double initMs,
      CpuWait cpuWait) {
    int peakMb = env.peakMemoryMb(); // before a failed environment is ended
    double durationMs = PlatformLines.round2((result.endedNanos() - env.deliveredNanos()) / 1e6);
    double billedBase = durationMs + Math.max(initMs, 0);
    byte[] payload;
    String status = null;
    String errorType = null;
    String functionError = null;
    if (result instanceof Success success) {
      payload = success.payload();
    } else if (result instanceof FunctionError error) {
      payload = error.payload();
      functionError = "Unhandled";
    } else {
      EnvironmentFailure failure = (EnvironmentFailure) result;
      pool.end(env);
      functionError = "Unhandled";
      if (failure.kind() == Kind.TIMEOUT) {
        int seconds = spec.config().timeout();
        log.line(PlatformLines.timedOut(requestId, seconds, clock.instant()));
        durationMs = seconds * 1000.0;
        billedBase = durationMs + Math.max(initMs, 0);
        status = "timeout";
        payload =
            errorJson(
                "Sandbox.Timedout",
                "RequestId: "
                    + requestId
                    + " Error: Task timed out after "
                    + PlatformLines.format2(seconds)
                    + " seconds");
      } else {
        status = "error";
        errorType = failure.errorType();
        payload = errorJson(failure.errorType(), failure.message());
      }
    }
    log.line(lines.end(requestId));
    long billed = (long) Math.ceil(PlatformLines.round2(billedBase));
    log.line(
        lines.report(
            new PlatformLines.Report(
                requestId,
                durationMs,
                Math.max(billed, 1),
                spec.config().memorySize(),
                Math.min(Math.max(peakMb, 1), spec.config().memorySize()),
                initMs < 0 ? -1 : PlatformLines.round2(initMs),
                status,
                errorType,
                cpuWait),
            clock.instant()));
    String tail = log.take();
    pool.release(env);
    return new InvocationOutcome(payload, functionError, spec.version(), tail);
  }

  private InvocationOutcome initFailed(
      ExecutionEnvironment env,
      InvocationLog log,
      PlatformLines lines,
      EnvironmentSpec spec,
      String requestId,
      Exception failure) {
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    double initMs = (System.nanoTime() - env.runtimeStartNanos()) / 1e6;
    int peakMb = env.peakMemoryMb();
    pool.end(env);
    byte[] payload;
    String errorType;
    if (cause instanceof InitErrorException init) {
      errorType = init.errorType();
      payload = init.body().getBytes(StandardCharsets.UTF_8);
    } else if (cause instanceof EnvironmentStartException start) {
      errorType = "Runtime.ExitError";
      payload = errorJson(errorType, "RequestId: " + requestId + " Error: " + start.getMessage());
    } else {
      errorType = "Sandbox.Timedout";
      payload = errorJson(errorType, "RequestId: " + requestId + " Error: Init phase timed out");
    }
    log.line(lines.initReport(initMs, errorType));
    log.line(lines.start(requestId, spec.version(), clock.instant()));
    log.line(lines.end(requestId));
    log.line(
        lines.report(
            new PlatformLines.Report(
                requestId,
                0,
                (long) Math.ceil(initMs),
                spec.config().memorySize(),
                Math.max(peakMb, 1),
                PlatformLines.round2(initMs),
                "error",
                errorType,
                null),
            clock.instant()));
    return new InvocationOutcome(payload, "Unhandled", spec.version(), log.take());
  }

  private static byte[] errorJson(String type, String message) {
    var node = io.powertune.platform.http.JsonProtocol.MAPPER.createObjectNode();
    node.put("errorType", type).put("errorMessage", message);
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
