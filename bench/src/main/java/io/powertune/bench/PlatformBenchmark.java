package io.powertune.bench;

import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParser;
import io.powertune.analyzer.stats.DurationSummary;
import io.powertune.analyzer.stats.Statistics;
import io.powertune.platform.Platform;
import io.powertune.platform.PlatformConfig;
import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Measures the platform's own cost on a no-op {@code provided} function: warm Invoke overhead (SDK
 * round trip minus the REPORT Duration), cold-start overhead (round trip minus Init Duration and
 * Duration), and throughput with 32 concurrent callers. Writes a Markdown table.
 */
public final class PlatformBenchmark {

  private static final int WARM_CALLS = 2_000;
  private static final int MEMORY_MB = 1769;
  private static final int COLD_STARTS = 20;
  private static final int CALLERS = 32;
  private static final Duration THROUGHPUT_WINDOW = Duration.ofSeconds(15);

  private PlatformBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path code = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String limitsOff = run(code, false);
    String limitsOn = run(code, true);
    String report =
        header()
            + "## The platform's own cost (cgroup limits off)\n\n"
            + limitsOff
            + "\n## The same with cgroup limits on (1 vCPU and 1769 MB per environment)\n\n"
            + limitsOn;
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
  }

  private static String run(Path code, boolean limits) throws Exception {
    Path state = Files.createTempDirectory("powertune-bench");
    PlatformConfig defaults = PlatformConfig.defaults(0, state);
    PlatformConfig config = limits ? defaults : defaults.withoutLimits();
    try (Platform platform = Platform.start(config);
        SdkHttpClient http =
            ApacheHttpClient.builder().socketTimeout(Duration.ofMinutes(1)).build()) {
      LambdaClient lambda = BenchSupport.lambda(platform, http);
      SdkBytes zip = BenchSupport.zip(code);
      create(lambda, "noop", zip);
      DurationSummary floor = sdkFloor(lambda);
      DurationSummary warm = warmOverhead(lambda);
      DurationSummary cold = coldOverhead(lambda, zip);
      double throughput = throughput(lambda);
      return table(floor, warm, cold, throughput);
    }
  }

  /**
   * The floor any call pays on this machine: the SDK round trip of GetFunctionConcurrency, which
   * the platform answers from memory (no runtime involved).
   */
  private static DurationSummary sdkFloor(LambdaClient lambda) {
    for (int i = 0; i < 5_000; i++) {
      lambda.getFunctionConcurrency(r -> r.functionName("noop"));
    }
    double[] roundTrips = new double[WARM_CALLS];
    for (int i = 0; i < WARM_CALLS; i++) {
      long start = System.nanoTime();
      lambda.getFunctionConcurrency(r -> r.functionName("noop"));
      roundTrips[i] = (System.nanoTime() - start) / 1e6;
    }
    return Statistics.summarize(roundTrips, 0);
  }

  private static DurationSummary warmOverhead(LambdaClient lambda) {
    // warm up until the JIT has compiled the hot paths of the client and the platform
    for (int i = 0; i < 5_000; i++) {
      invoke(lambda, "noop");
    }
    double[] overhead = new double[WARM_CALLS];
    for (int i = 0; i < WARM_CALLS; i++) {
      long start = System.nanoTime();
      InvokeResponse response = invoke(lambda, "noop");
      double roundTrip = (System.nanoTime() - start) / 1e6;
      overhead[i] = roundTrip - ReportParser.parseLogResult(response.logResult()).durationMs();
    }
    return Statistics.summarize(overhead, 0);
  }

  private static DurationSummary coldOverhead(LambdaClient lambda, SdkBytes zip) {
    double[] overhead = new double[COLD_STARTS];
    for (int i = 0; i < COLD_STARTS; i++) {
      String name = "cold-" + i;
      create(lambda, name, zip);
      long start = System.nanoTime();
      InvokeResponse response = invoke(lambda, name);
      double roundTrip = (System.nanoTime() - start) / 1e6;
      Report report = ReportParser.parseLogResult(response.logResult());
      overhead[i] = roundTrip - report.durationMs() - report.initDurationMs().orElseThrow();
    }
    return Statistics.summarize(overhead, 0);
  }

  private static double throughput(LambdaClient lambda) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    try {
      List<Future<?>> warmUp = new ArrayList<>();
      for (int i = 0; i < CALLERS * 4; i++) {
        warmUp.add(callers.submit(() -> invoke(lambda, "noop")));
      }
      for (Future<?> f : warmUp) {
        f.get();
      }
      AtomicLong done = new AtomicLong();
      long end = System.nanoTime() + THROUGHPUT_WINDOW.toNanos();
      long start = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        running.add(
            callers.submit(
                () -> {
                  while (System.nanoTime() < end) {
                    lambda.invoke(
                        r -> r.functionName("noop").payload(SdkBytes.fromUtf8String("{}")));
                    done.incrementAndGet();
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
      return done.get() / ((System.nanoTime() - start) / 1e9);
    } finally {
      callers.shutdownNow();
    }
  }

  private static InvokeResponse invoke(LambdaClient lambda, String name) {
    return lambda.invoke(
        r -> r.functionName(name).logType(LogType.TAIL).payload(SdkBytes.fromUtf8String("{}")));
  }

  private static void create(LambdaClient lambda, String name, SdkBytes zip) {
    lambda.createFunction(
        r ->
            r.functionName(name)
                .runtime(Runtime.PROVIDED_AL2023)
                .handler("noop")
                .role("arn:aws:iam::000000000000:role/bench")
                // one vCPU: the platform's cost is measured, not a throttled runtime's
                .memorySize(MEMORY_MB)
                .code(c -> c.zipFile(zip)));
    lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
  }

  private static String header() throws IOException {
    String cpu =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.substring(l.indexOf(':') + 1).strip())
            .orElse("unknown CPU");
    return String.format(
        Locale.ROOT,
        "# Platform invoke benchmark%n%n"
            + "Run %s on %d cores (%s), Java %s; a no-op `provided.al2023` function (Python"
            + " bootstrap) at %d MB, AWS SDK for Java v2 with its default (Apache) HTTP client,"
            + " LogType Tail.%n%n",
        Instant.now(),
        java.lang.Runtime.getRuntime().availableProcessors(),
        cpu,
        System.getProperty("java.version"),
        MEMORY_MB);
  }

  private static String table(
      DurationSummary floor, DurationSummary warm, DurationSummary cold, double throughput) {
    return String.format(
        Locale.ROOT,
        "| measure | target | result |%n|---|---|---|%n"
            + "| floor: SDK round trip of GetFunctionConcurrency (answered from memory) p50 | | %.3f"
            + " ms |%n"
            + "| warm Invoke overhead p50 (round trip minus Duration, %d sequential calls) | <= 1 ms"
            + " | %.3f ms |%n"
            + "| warm Invoke overhead p99 | <= 5 ms | %.3f ms |%n"
            + "| cold-start overhead p50 (round trip minus Init Duration and Duration, %d cold"
            + " starts) | <= 30 ms | %.2f ms |%n"
            + "| cold-start overhead max | | %.2f ms |%n"
            + "| throughput, %d concurrent callers, %d s | >= 1,000 invokes/s | %.0f invokes/s |%n",
        floor.median(),
        WARM_CALLS,
        warm.median(),
        warm.p99(),
        COLD_STARTS,
        cold.median(),
        cold.max(),
        CALLERS,
        THROUGHPUT_WINDOW.toSeconds(),
        throughput);
  }
}
