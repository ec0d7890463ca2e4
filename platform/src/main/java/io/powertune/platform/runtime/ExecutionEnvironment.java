package io.powertune.platform.runtime;

import io.powertune.platform.auth.SessionCredentials;
import io.powertune.platform.resources.CpuSample;
import io.powertune.platform.resources.CpuSampler;
import io.powertune.platform.resources.CpuShare;
import io.powertune.platform.resources.PrivateTmp;
import io.powertune.platform.resources.ResourceGroup;
import io.powertune.platform.runtime.RuntimeResult.EnvironmentFailure;
import io.powertune.platform.runtime.RuntimeResult.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution environment: an OS process running a runtime that fetches invocations from its own
 * Runtime API endpoint, one at a time.
 */
public final class ExecutionEnvironment {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutionEnvironment.class);

  private final String id;
  private final ResourceGroup group;
  private final CpuSampler sampler;
  private final CpuShare share;
  private final EnvironmentSpec spec;
  private final String logStream;
  private final Path tmpDir;
  private final long startNanos;
  private final java.time.Instant startedAt;
  private final PrivateTmp tmp;
  private final long startEpochMs;
  private final CompletableFuture<Long> initialized = new CompletableFuture<>();
  private final Object lock = new Object();
  private Process process;
  private OutputPump pump;
  private Invocation pending;
  private Invocation current;
  private NextResponder parked;
  private long deliveredNanos;
  private volatile boolean dead;
  private volatile boolean retired;
  private volatile long lastUsedNanos;
  private volatile int pinnedCpu = -1;

  /** The group's peak read when the process exited, before the group can be removed; 0 before. */
  private volatile long peakAtExitBytes;

  private final SessionCredentials credentials;
  private final java.util.OptionalInt uid;

  ExecutionEnvironment(
      String id,
      EnvironmentSpec spec,
      String logStream,
      Path tmpDir,
      long startEpochMs,
      ResourceGroup group,
      CpuShare share,
      PrivateTmp tmp,
      SessionCredentials credentials,
      java.util.OptionalInt uid) {
    this.tmp = tmp;
    this.credentials = credentials;
    this.uid = uid;
    this.group = group;
    this.sampler = group.cpuSampler();
    this.share = share;
    this.id = id;
    this.spec = spec;
    this.logStream = logStream;
    this.tmpDir = tmpDir;
    this.startNanos = System.nanoTime();
    this.startedAt = java.time.Instant.now(); // the wall clock the /tmp prefix's marker uses
    this.startEpochMs = startEpochMs;
    this.lastUsedNanos = startNanos;
  }

  /**
   * Starts the runtime process; its output goes to {@code initSink} until an invocation starts. The
   * output travels through a named pipe the platform reads itself, so it can tell when everything
   * written so far has been read (a process pipe's stream cannot be polled while a read waits).
   */
  void start(
      List<String> command,
      Map<String, String> env,
      OutputSink initSink,
      Consumer<ExecutionEnvironment> onExit,
      FifoSpares fifos) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(spec.codeDir().toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    OutputPipe pipe = null;
    try {
      Files.createDirectories(tmpDir);
      Path fifo = tmpDir.resolve(".output");
      fifos.take(fifo);
      pipe = OutputPipe.open(fifo);
      builder.redirectOutput(fifo.toFile()).redirectErrorStream(true);
      process = builder.start();
      pump = new OutputPump(pipe, initSink);
    } catch (IOException e) {
      if (pipe != null) {
        pipe.close();
      }
      dead = true;
      initialized.completeExceptionally(
          new EnvironmentStartException(
              "cannot start " + command.get(0) + ": " + e.getMessage(), e));
      return;
    }
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // stdin is not used
    }
    Thread reader = new Thread(pump, "env-output-" + id);
    reader.setDaemon(true);
    reader.start();
    process.onExit().thenRun(() -> exited(onExit));
  }

  private void exited(Consumer<ExecutionEnvironment> onExit) {
    // read before the failed invocation is completed: ending the environment removes the group
    peakAtExitBytes = group.peakMemoryBytes();
    pump.drain();
    pump.close();
    synchronized (lock) {
      dead = true;
    }
    int status = process.exitValue();
    boolean outOfMemory = group.outOfMemory();
    String reason =
        outOfMemory || status == 128 + 9
            ? "Runtime exited with error: signal: killed"
            : status == 0
                ? "Runtime exited without providing a reason"
                : "Runtime exited with error: exit status " + status;
    Invocation failed;
    synchronized (lock) {
      failed = current != null ? current : pending;
      current = null;
      pending = null;
    }
    if (!initialized.isDone()) {
      initialized.completeExceptionally(new EnvironmentStartException(reason, null));
    }
    if (failed != null) {
      failed
          .result()
          .complete(
              new EnvironmentFailure(
                  outOfMemory ? Kind.OUT_OF_MEMORY : Kind.EXIT,
                  outOfMemory ? "Runtime.OutOfMemory" : "Runtime.ExitError",
                  "RequestId: " + failed.requestId() + " Error: " + reason,
                  System.nanoTime()));
    }
    onExit.accept(this);
  }

  /** Whether the runtime has asked for its next invocation and waits for it. */
  boolean waitingForNext() {
    synchronized (lock) {
      return parked != null;
    }
  }

  /** Called for each {@code next}: the first one ends the init phase. */
  void next(NextResponder responder) {
    if (!initialized.isDone()) {
      long initDone = System.nanoTime();
      // the init phase ran on burst CPU, as on Lambda; from the first invocation on, the share
      limitCpu();
      initialized.complete(initDone);
    }
    Invocation ready;
    synchronized (lock) {
      ready = pending;
      if (ready == null) {
        parked = responder;
        return;
      }
      pending = null;
      current = ready;
      deliveredNanos = System.nanoTime();
    }
    responder.respond(ready);
  }

  /** Hands an invocation to the runtime; its outcome completes {@code invocation.result()}. */
  public void deliver(Invocation invocation) {
    NextResponder responder;
    synchronized (lock) {
      if (dead) {
        invocation
            .result()
            .complete(
                new EnvironmentFailure(
                    Kind.EXIT,
                    "Runtime.ExitError",
                    "RequestId: "
                        + invocation.requestId()
                        + " Error: Runtime exited without providing a reason",
                    System.nanoTime()));
        return;
      }
      responder = parked;
      if (responder == null) {
        pending = invocation;
        return;
      }
      parked = null;
      current = invocation;
      deliveredNanos = System.nanoTime();
    }
    responder.respond(invocation);
  }

  /** The runtime answered {@code requestId}; false when it is not the current invocation. */
  boolean complete(String requestId, RuntimeResult result) {
    Invocation done;
    synchronized (lock) {
      if (current == null || !current.requestId().equals(requestId)) {
        return false;
      }
      done = current;
      current = null;
    }
    pump.drain();
    lastUsedNanos = System.nanoTime();
    return done.result().complete(result);
  }

  /** The runtime reported an init error: the environment is torn down. */
  void initError(String errorType, byte[] body) {
    String message = new String(body, StandardCharsets.UTF_8);
    initialized.completeExceptionally(new InitErrorException(errorType, message));
    kill();
  }

  /** Ends the process (and its children). */
  public void kill() {
    dead = true;
    if (sampler != null) {
      sampler.close();
    }
    if (process != null) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      group.killAll(); // what left the process tree is still in the group
      process.onExit().thenRun(group::close);
    } else {
      group.close();
    }
    try (var files = Files.walk(tmpDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort: a leftover temp dir is harmless
    }
  }

  /** Completes with the nanoTime of the first {@code next} request, or fails if init failed. */
  public CompletableFuture<Long> initialized() {
    return initialized;
  }

  /**
   * The nanoTime at which the runtime started: after the platform's own set-up in the process
   * (mounting /tmp), which Init Duration leaves out.
   */
  public long runtimeStartNanos() {
    return tmp.runtimeStartNanos(startNanos, startedAt);
  }

  public long startEpochMs() {
    return startEpochMs;
  }

  /** The nanoTime the current invocation was handed to the runtime. */
  public long deliveredNanos() {
    synchronized (lock) {
      return deliveredNanos;
    }
  }

  /** Peak resident memory of the process tree so far, in MB, from /proc (0 when unknown). */
  public int peakMemoryMb() {
    long groupPeak = Math.max(group.peakMemoryBytes(), peakAtExitBytes);
    if (groupPeak > 0) {
      return (int) Math.ceil(groupPeak / (1024.0 * 1024.0));
    }
    return process == null ? 0 : ProcessMemory.peakMb(process.toHandle());
  }

  /**
   * The scheduler's counters of the environment's threads now; null where there is no group to read
   * them from or it is gone.
   */
  public CpuSample cpuSample() {
    return sampler == null ? null : sampler.sample();
  }

  /** Gives the init phase its burst share on {@code cpu} (-1: any), before the process starts. */
  void startInit(CpuShare burst, int cpu) {
    try {
      group.limitCpu(burst);
    } catch (RuntimeException e) {
      LOG.warn("cannot apply the init CPU share of environment {}: {}", id, e.getMessage());
    }
    pin(cpu);
  }

  /** Pins the environment to a CPU for its next invocation (-1: any CPU). */
  public void pin(int cpu) {
    if (cpu == pinnedCpu) {
      return;
    }
    try {
      group.pin(cpu);
      pinnedCpu = cpu;
    } catch (RuntimeException e) {
      LOG.warn("cannot pin environment {} to CPU {}: {}", id, cpu, e.getMessage());
    }
  }

  /**
   * The session token the environment's credentials carry ({@code AWS_SESSION_TOKEN}): the platform
   * tells its own functions' calls apart by it.
   */
  public String sessionToken() {
    return credentials.sessionToken();
  }

  /** The user its processes run as; empty when they run as the platform's user. */
  public java.util.OptionalInt uid() {
    return uid;
  }

  /** The session credentials its processes were given, accepted while it lives. */
  public SessionCredentials credentials() {
    return credentials;
  }

  /** Lowers the CPU share while the invocation waits for another function's. */
  public void yieldCpu() {
    try {
      group.limitCpu(CpuShare.WAITING);
    } catch (RuntimeException e) {
      LOG.warn("cannot lower the CPU share of environment {}: {}", id, e.getMessage());
    }
  }

  /** Gives the environment its share back once the call it waited for returned. */
  public void restoreCpu() {
    limitCpu();
  }

  private void limitCpu() {
    try {
      group.limitCpu(share);
    } catch (RuntimeException e) {
      LOG.warn("cannot apply the CPU share of environment {}: {}", id, e.getMessage());
    }
  }

  public String id() {
    return id;
  }

  public EnvironmentSpec spec() {
    return spec;
  }

  public String logStream() {
    return logStream;
  }

  public boolean dead() {
    return dead;
  }

  public boolean retired() {
    return retired;
  }

  void retire() {
    retired = true;
  }

  long lastUsedNanos() {
    return lastUsedNanos;
  }
}
