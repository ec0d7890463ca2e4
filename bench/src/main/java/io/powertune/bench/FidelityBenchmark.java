package io.powertune.bench;

import io.powertune.analyzer.report.ReportParser;
import io.powertune.analyzer.stats.DurationSummary;
import io.powertune.analyzer.stats.Statistics;
import io.powertune.platform.Platform;
import io.powertune.platform.PlatformConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * How faithfully durations follow memory size on the platform: a CPU-bound function of fixed work
 * at 128 to 3008 MB (alone, and with all sizes invoked ten at a time together), a two-thread
 * function at 1769 and 3538 MB, and the spread of warm durations at 1769 MB. Writes a Markdown
 * report.
 */
public final class FidelityBenchmark {

  private static final int[] SIZES = {128, 256, 512, 1024, 1769, 3008};
  private static final int ROUNDS = 1000;

  /**
   * Work of the two-thread function: four times as much, so that the fixed cost of an invocation
   * (starting threads, the Runtime API round trip; about 2 ms) does not hide how it scales.
   */
  private static final int TWO_THREAD_ROUNDS = 4000;

  private static final int CALLS = 10;

  private FidelityBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path code = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Path state = Files.createTempDirectory("powertune-fidelity");
    try (Platform platform = Platform.start(PlatformConfig.defaults(0, state));
        SdkHttpClient http =
            ApacheHttpClient.builder()
                .socketTimeout(Duration.ofMinutes(5))
                .maxConnections(100)
                .build()) {
      LambdaClient lambda = BenchSupport.lambda(platform, http);
      SdkBytes zip = BenchSupport.zip(code);
      for (int size : SIZES) {
        create(lambda, "cpu-" + size, size, zip);
      }
      create(lambda, "cpu2-1769", 1769, zip);
      create(lambda, "cpu2-3538", 3538, zip);

      Map<Integer, DurationSummary> alone = new LinkedHashMap<>();
      for (int size : SIZES) {
        alone.put(size, measure(lambda, "cpu-" + size, ROUNDS, 1));
      }
      DurationSummary twoAt1769 = measure(lambda, "cpu2-1769", TWO_THREAD_ROUNDS, 2);
      DurationSummary twoAt3538 = measure(lambda, "cpu2-3538", TWO_THREAD_ROUNDS, 2);
      Map<Integer, DurationSummary> together = together(lambda);
      String report = report(alone, together, twoAt1769, twoAt3538);
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      System.out.print(report);
    }
  }

  /** Warm durations (REPORT Duration) of ten sequential invocations after two warm-ups. */
  private static DurationSummary measure(
      LambdaClient lambda, String name, int rounds, int threads) {
    for (int i = 0; i < 2; i++) {
      invoke(lambda, name, rounds, threads);
    }
    double[] durations = new double[CALLS];
    for (int i = 0; i < CALLS; i++) {
      durations[i] = invoke(lambda, name, rounds, threads);
    }
    return Statistics.summarize(durations, 0);
  }

  /** Every size invoked ten at a time, all sizes together. */
  private static Map<Integer, DurationSummary> together(LambdaClient lambda) throws Exception {
    Map<Integer, ConcurrentLinkedQueue<Double>> durations = new ConcurrentHashMap<>();
    ExecutorService callers = Executors.newFixedThreadPool(SIZES.length * CALLS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int size : SIZES) {
        ConcurrentLinkedQueue<Double> queue = new ConcurrentLinkedQueue<>();
        durations.put(size, queue);
        for (int i = 0; i < CALLS; i++) {
          running.add(callers.submit(() -> queue.add(invoke(lambda, "cpu-" + size, ROUNDS, 1))));
        }
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      callers.shutdownNow();
    }
    Map<Integer, DurationSummary> result = new LinkedHashMap<>();
    for (int size : SIZES) {
      double[] values = durations.get(size).stream().mapToDouble(Double::doubleValue).toArray();
      result.put(size, Statistics.summarize(values, 0));
    }
    return result;
  }

  private static double invoke(LambdaClient lambda, String name, int rounds, int threads) {
    String payload = "{\"rounds\":" + rounds + ",\"threads\":" + threads + "}";
    var response =
        lambda.invoke(
            r ->
                r.functionName(name)
                    .logType(LogType.TAIL)
                    .payload(SdkBytes.fromUtf8String(payload)));
    if (response.functionError() != null) {
      throw new IllegalStateException(name + " failed: " + response.payload().asUtf8String());
    }
    return ReportParser.parseLogResult(response.logResult()).durationMs();
  }

  private static void create(LambdaClient lambda, String name, int memory, SdkBytes zip) {
    lambda.createFunction(
        r ->
            r.functionName(name)
                .runtime(Runtime.PYTHON3_12)
                .handler("app.work")
                .role("arn:aws:iam::000000000000:role/bench")
                .memorySize(memory)
                .timeout(120)
                .code(c -> c.zipFile(zip)));
    lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
  }

  private static String report(
      Map<Integer, DurationSummary> alone,
      Map<Integer, DurationSummary> together,
      DurationSummary twoAt1769,
      DurationSummary twoAt3538) {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "# CPU fidelity benchmark%n%nRun %s on %d cores, Java %s. A Python 3 function doing fixed"
                + " CPU work (%d SHA-256 rounds over 64 KB), %d warm invocations per size; medians of"
                + " REPORT Duration. Target: duration(m) x m / (duration(1769) x 1769) within [0.9,"
                + " 1.1] for m <= 1769; duration(3008) / duration(1769) within [0.9, 1.1].%n%n",
            Instant.now(),
            java.lang.Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            ROUNDS,
            CALLS));
    md.append(
        "| memory | alone: median ms | alone: ratio | together: median ms | together: ratio |\n");
    md.append("|---|---|---|---|---|\n");
    double base = alone.get(1769).median();
    double baseTogether = together.get(1769).median();
    for (int size : SIZES) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d MB | %.1f | %.3f | %.1f | %.3f |%n",
              size,
              alone.get(size).median(),
              ratio(size, alone.get(size).median(), base),
              together.get(size).median(),
              ratio(size, together.get(size).median(), baseTogether)));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%n| measure | target | result |%n|---|---|---|%n"
                + "| two-thread function (%d rounds): 3538 MB / 1769 MB (%.1f / %.1f ms) | <= 0.6 | %.3f"
                + " |%n"
                + "| coefficient of variation at 1769 MB, warm | <= 5%% | %.1f%% |%n",
            TWO_THREAD_ROUNDS,
            twoAt3538.median(),
            twoAt1769.median(),
            twoAt3538.median() / twoAt1769.median(),
            100 * alone.get(1769).coefficientOfVariation()));
    return md.toString();
  }

  /**
   * duration(m) x m / (duration(1769) x 1769) below 1769 MB; duration(m) / duration(1769) above.
   */
  private static double ratio(int size, double duration, double base) {
    return size <= 1769 ? duration * size / (base * 1769) : duration / base;
  }
}
