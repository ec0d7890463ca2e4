package io.powertune.platform.resources;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the host's CPUs out of idle while measured invocations run: one busy loop per CPU at
 * SCHED_IDLE priority, which runs only when nothing else wants that CPU. A virtual CPU that halts
 * between CFS periods wakes late, and small memory sizes then run 20 to 80% slow
 * (shared/notes/cpu-fidelity.md). The loops start with the first measured invocation and stop two
 * seconds after the last. Off unless {@code POWERTUNE_IDLE_KEEPER=on}: on the 2-vCPU virtual
 * machines this was measured on, running the loops slowed functions by about 40% (perhaps the two
 * vCPUs share a physical core; the VM reports one thread per core), far more than the idle wake-ups
 * it saves.
 */
public final class IdleKeeper implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IdleKeeper.class);
  private static final long LINGER_MS = 2000;

  private final int cores;
  private final boolean enabled;
  private final List<Process> loops = new ArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "idle-keeper");
            t.setDaemon(true);
            return t;
          });
  private int running;
  private ScheduledFuture<?> stopping;

  public IdleKeeper(int cores, boolean enabled) {
    this.cores = cores;
    this.enabled = enabled;
  }

  /** Whether the environment asks for it and the tools exist. */
  public static IdleKeeper forHost(int cores) {
    boolean wanted = "on".equalsIgnoreCase(System.getenv("POWERTUNE_IDLE_KEEPER"));
    boolean tools =
        java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/chrt"))
            && java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/taskset"));
    return new IdleKeeper(cores, wanted && tools);
  }

  /** A measured invocation starts. */
  public synchronized void busy() {
    if (!enabled) {
      return;
    }
    running++;
    if (stopping != null) {
      stopping.cancel(false);
      stopping = null;
    }
    if (loops.isEmpty()) {
      start();
    }
  }

  /** A measured invocation ended. */
  public synchronized void idle() {
    if (!enabled) {
      return;
    }
    running--;
    if (running == 0 && stopping == null) {
      stopping = timer.schedule(this::stopIfIdle, LINGER_MS, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void stopIfIdle() {
    stopping = null;
    if (running == 0) {
      stop();
    }
  }

  private void start() {
    for (int cpu = 0; cpu < cores; cpu++) {
      try {
        loops.add(
            new ProcessBuilder(
                    "/usr/bin/chrt",
                    "--idle",
                    "0",
                    "/usr/bin/taskset",
                    "-c",
                    Integer.toString(cpu),
                    "/bin/sh",
                    "-c",
                    "while :; do :; done")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start());
      } catch (IOException e) {
        LOG.warn("cannot keep CPU {} awake: {}", cpu, e.getMessage());
      }
    }
  }

  private void stop() {
    loops.forEach(Process::destroyForcibly);
    loops.clear();
  }

  @Override
  public synchronized void close() {
    timer.shutdownNow();
    stop();
  }
}
