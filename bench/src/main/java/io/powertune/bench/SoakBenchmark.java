package io.powertune.bench;

import io.powertune.platform.Platform;
import io.powertune.platform.PlatformConfig;
import io.powertune.platform.runtime.EnvironmentPool;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The platform under load for a long while: 100,000 invocations of an echo function from 32
 * concurrent callers, each answer checked against its own request (none lost, none answered twice),
 * with the platform's heap, file descriptors, threads, processes and cgroups counted after a
 * warm-up and at the end, and once more after the platform closed. Writes a Markdown table.
 */
public final class SoakBenchmark {

  private static final int CALLERS = 32;
  private static final int WARM_UP = 10_000;
  private static final int CALLS = 100_000;
  private static final Path MEMORY_CGROUPS = Path.of("/sys/fs/cgroup/memory/powertune");
  private static final Path UNIFIED_CGROUPS = Path.of("/sys/fs/cgroup/powertune");

  private SoakBenchmark() {}

  /** What is held at one moment. */
  record Counts(
      long heapBytes, long fileDescriptors, int threads, long processes, long cgroups, int envs) {}

  public static void main(String[] args) throws Exception {
    Path code = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Path state = Files.createTempDirectory("powertune-soak");
    String scope = EnvironmentPool.scopeOf(state);
    Counts warm;
    Counts end;
    int[] answers = new int[CALLS];
    long lost;
    long twice;
    long wrong;
    double seconds;
    try (Platform platform = Platform.start(PlatformConfig.defaults(0, state));
        SdkHttpClient http =
            ApacheHttpClient.builder()
                .maxConnections(CALLERS * 2)
                .socketTimeout(Duration.ofMinutes(2))
                .build()) {
      LambdaClient lambda = BenchSupport.lambda(platform, http, null);
      BenchSupport.deployPython(lambda, "echo", BenchSupport.zip(code));
      run(lambda, WARM_UP, new AtomicIntegerArray(WARM_UP), new AtomicLong());
      warm = counts(platform, scope);
      AtomicIntegerArray seen = new AtomicIntegerArray(CALLS);
      AtomicLong mismatched = new AtomicLong();
      long start = System.nanoTime();
      run(lambda, CALLS, seen, mismatched);
      seconds = (System.nanoTime() - start) / 1e9;
      end = counts(platform, scope);
      for (int i = 0; i < CALLS; i++) {
        answers[i] = seen.get(i);
      }
      wrong = mismatched.get();
    }
    lost = java.util.Arrays.stream(answers).filter(n -> n == 0).count();
    twice = java.util.Arrays.stream(answers).filter(n -> n > 1).count();
    Counts closed = afterClose(scope);
    String report = report(warm, end, closed, lost, twice, wrong, seconds);
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
  }

  /** Invokes the echo function {@code calls} times from 32 callers; counts each answer by index. */
  private static void run(
      LambdaClient lambda, int calls, AtomicIntegerArray seen, AtomicLong mismatched)
      throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    AtomicInteger next = new AtomicInteger();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CALLERS; c++) {
        running.add(
            callers.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                    String request = "{\"n\":" + i + "}";
                    String answer =
                        lambda
                            .invoke(
                                r ->
                                    r.functionName("echo")
                                        .payload(SdkBytes.fromUtf8String(request)))
                            .payload()
                            .asUtf8String()
                            .replace(" ", "");
                    if (answer.equals(request)) {
                      seen.incrementAndGet(i);
                    } else {
                      mismatched.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      callers.shutdownNow();
    }
  }

  private static Counts counts(Platform platform, String scope) throws IOException {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    var memory = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long fds;
    try (var list = Files.list(Path.of("/proc/self/fd"))) {
      fds = list.count();
    }
    return new Counts(
        memory.getUsed(),
        fds,
        Thread.activeCount(),
        ProcessHandle.current().descendants().count(),
        cgroups(scope),
        platform.environmentCount());
  }

  /** After the platform closed: its processes and cgroups are gone (given a few seconds). */
  private static Counts afterClose(String scope) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline
        && (ProcessHandle.current().descendants().count() > 0 || cgroups(scope) > 0)) {
      Thread.sleep(100); // the processes' exit is the kernel's, not something to wait on here
    }
    long fds;
    try (var list = Files.list(Path.of("/proc/self/fd"))) {
      fds = list.count();
    }
    return new Counts(
        0,
        fds,
        Thread.activeCount(),
        ProcessHandle.current().descendants().count(),
        cgroups(scope),
        0);
  }

  private static long cgroups(String scope) throws IOException {
    Path base = Files.isDirectory(MEMORY_CGROUPS) ? MEMORY_CGROUPS : UNIFIED_CGROUPS;
    if (!Files.isDirectory(base)) {
      return 0;
    }
    try (var dirs = Files.list(base)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith(scope + "-")).count();
    }
  }

  private static String report(
      Counts warm, Counts end, Counts closed, long lost, long twice, long wrong, double seconds) {
    double growth = 100.0 * (end.heapBytes() - warm.heapBytes()) / warm.heapBytes();
    return String.format(
        Locale.ROOT,
        "# Soak benchmark%n%n"
            + "Run %s on %d cores, Java %s, with cgroup limits and per-environment users on: %,d"
            + " invocations of a python3.12 echo function (128 MB) from %d concurrent callers"
            + " after %,d to warm up, in %.0f s (%.0f invokes/s). Each answer is checked against"
            + " its own request. Counts are of the one JVM that runs the platform and the"
            + " callers, after a full GC.%n%n"
            + "| measure | target | after warm-up | at the end | after close |%n"
            + "|---|---|---|---|---|%n"
            + "| invocations lost | 0 | | %d | |%n"
            + "| answered twice | 0 | | %d | |%n"
            + "| answered with another request's payload | 0 | | %d | |%n"
            + "| heap used (MB) | growth <= 10%% | %.1f | %.1f (%+.1f%%) | |%n"
            + "| file descriptors | no growth beyond the environments' | %d | %d | %d |%n"
            + "| threads | no growth beyond the environments' | %d | %d | %d |%n"
            + "| processes (environments' runtimes) | one per environment | %d (%d envs) | %d (%d"
            + " envs) | %d |%n"
            + "| cgroups of this platform | one per environment | %d | %d | %d |%n",
        Instant.now(),
        java.lang.Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        CALLS,
        CALLERS,
        WARM_UP,
        seconds,
        CALLS / seconds,
        lost,
        twice,
        wrong,
        warm.heapBytes() / 1e6,
        end.heapBytes() / 1e6,
        growth,
        warm.fileDescriptors(),
        end.fileDescriptors(),
        closed.fileDescriptors(),
        warm.threads(),
        end.threads(),
        closed.threads(),
        warm.processes(),
        warm.envs(),
        end.processes(),
        end.envs(),
        closed.processes(),
        warm.cgroups(),
        end.cgroups(),
        closed.cgroups());
  }
}
