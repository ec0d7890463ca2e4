package io.powertune.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.analyzer.report.ReportParser;
import io.powertune.analyzer.stats.Statistics;
import io.powertune.cli.HostActivity;
import io.powertune.cli.install.InstallSettings;
import io.powertune.cli.install.TrustedTuner;
import io.powertune.platform.Platform;
import io.powertune.platform.PlatformConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * A tuning run's cost on a warm platform: its wall time against the lower bound set by the CPU its
 * measured invocations need, the tuner's own time per size, and whether a function measured during
 * a tuning gives the durations it gives alone.
 *
 * <p>Arguments: the CPU-bound example's folder, the results file, and the number of timed runs.
 */
public final class TuningBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Integer> SIZES = List.of(128, 256, 512, 1024, 1536, 3008);
  private static final int NUM = 10;
  private static final double PLATFORM_RESERVE = 0.2; // cores admission control keeps back

  private final LambdaClient lambda;
  private final SfnClient sfn;
  private final String stateMachine;
  private final long pid = ProcessHandle.current().pid();

  private final Platform platform;

  private TuningBenchmark(
      Platform platform, LambdaClient lambda, SfnClient sfn, String stateMachine) {
    this.platform = platform;
    this.lambda = lambda;
    this.sfn = sfn;
    this.stateMachine = stateMachine;
  }

  /** One timed run. */
  record Run(
      double wallSeconds,
      double functionCpuSeconds,
      double boundSeconds,
      Map<String, Double> stepMs) {
    double target() {
      return 2 * boundSeconds + 3;
    }
  }

  public static void main(String[] args) throws Exception {
    Path example = Path.of(args[0]);
    Path results = Path.of(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path stateDir = Files.createTempDirectory("powertune-tuning-bench");
    PlatformConfig config =
        PlatformConfig.defaults(0, stateDir).withTrustedHandlers(TrustedTuner.handlers());
    try (Platform platform = Platform.start(config);
        SdkHttpClient http =
            ApacheHttpClient.builder().socketTimeout(Duration.ofMinutes(10)).build();
        LambdaClient lambda = BenchSupport.lambda(platform, http);
        SfnClient sfn = BenchSupport.sfn(platform, http);
        CloudWatchLogsClient logs = BenchSupport.logs(platform, http)) {
      String stateMachine =
          BenchSupport.installTuner(lambda, sfn, logs, InstallSettings.inPlatform());
      TuningBenchmark bench = new TuningBenchmark(platform, lambda, sfn, stateMachine);
      SdkBytes code = BenchSupport.zip(example);
      String tuned = BenchSupport.deployPython(lambda, "cpu", code);
      String alone = BenchSupport.deployPython(lambda, "cpu-alone", code);
      bench.tune(tuned, true); // warm-up: the JIT, the tuner's clients
      List<Run> timed = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        timed.add(bench.timedRun(tuned));
      }
      JsonNode serial = bench.tune(tuned, false);
      Map<Integer, Double> aloneMedians = bench.alone(alone);
      Files.writeString(results, report(timed, serial, aloneMedians));
      System.out.print(Files.readString(results));
    }
  }

  private Run timedRun(String arn) throws Exception {
    settle();
    long before = HostActivity.childrenTicks(pid);
    long started = System.nanoTime();
    DescribeExecutionResponse execution = execute(arn, true);
    double wall = (System.nanoTime() - started) / 1e9;
    double cpu =
        (HostActivity.childrenTicks(pid) - before) / (double) HostActivity.TICKS_PER_SECOND;
    double cores = java.lang.Runtime.getRuntime().availableProcessors() - PLATFORM_RESERVE;
    return new Run(wall, cpu, cpu / cores, stepTimes(execution));
  }

  /**
   * Waits until the environments the previous run's cleanup retired have ended (they end in the
   * background), so that every timed run starts on a quiet platform.
   */
  private void settle() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (platform.environmentCount() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private JsonNode tune(String arn, boolean parallel) throws Exception {
    return JSON.readTree(execute(arn, parallel).output());
  }

  private DescribeExecutionResponse execute(String arn, boolean parallel) throws Exception {
    ObjectNode input = JSON.createObjectNode().put("lambdaARN", arn).put("num", NUM);
    input.put("parallelInvocation", parallel);
    SIZES.forEach(input.putArray("powerValues")::add);
    return BenchSupport.runToEnd(sfn, stateMachine, input.toString());
  }

  /** Milliseconds spent in each workflow step other than the Executor, summed over the run. */
  private Map<String, Double> stepTimes(DescribeExecutionResponse execution) {
    Map<String, Double> totals = new LinkedHashMap<>();
    Map<String, Instant> entered = new HashMap<>();
    for (HistoryEvent event :
        sfn.getExecutionHistoryPaginator(r -> r.executionArn(execution.executionArn())).events()) {
      if (event.type() == HistoryEventType.TASK_STATE_ENTERED) {
        entered.put(event.stateEnteredEventDetails().name(), event.timestamp());
      } else if (event.type() == HistoryEventType.TASK_STATE_EXITED) {
        String name = event.stateExitedEventDetails().name();
        if (!name.equals("Executor")) {
          double ms = Duration.between(entered.get(name), event.timestamp()).toNanos() / 1e6;
          totals.merge(name, ms, Double::sum);
        }
      }
    }
    return totals;
  }

  /** The median warm Duration of each size, invoked directly with nothing else running. */
  private Map<Integer, Double> alone(String arn) {
    Map<Integer, Double> medians = new LinkedHashMap<>();
    for (int size : SIZES) {
      lambda.updateFunctionConfiguration(r -> r.functionName(arn).memorySize(size));
      lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(arn));
      invoke(arn); // the cold start
      double[] durations = new double[NUM];
      for (int i = 0; i < NUM; i++) {
        durations[i] = invoke(arn);
      }
      medians.put(size, Statistics.summarize(durations, 0).median());
    }
    return medians;
  }

  private double invoke(String arn) {
    return ReportParser.parseLogResult(
            lambda.invoke(r -> r.functionName(arn).logType(LogType.TAIL)).logResult())
        .durationMs();
  }

  private static String report(List<Run> runs, JsonNode serial, Map<Integer, Double> alone) {
    StringBuilder out = new StringBuilder("### Tuning runs (`bench/run-tuning`)\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "Run %s on %d cores, Java %s: the CPU-bound example (`examples/functions/cpu-python`),"
                + " %d sizes (%s MB), num %d, parallelInvocation, on a warm platform (tuner"
                + " installed, one untimed run first; each run starts once the environments the"
                + " previous one retired have ended), cgroup limits on, sizes measured one at a"
                + " time.%n%n",
            Instant.now(),
            java.lang.Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            SIZES.size(),
            SIZES.toString().replaceAll("[\\[\\] ]", "").replace(",", ", "),
            NUM));
    out.append(
        "| run | wall time | function CPU | lower bound (CPU / cores for functions) | target"
            + " (2 x bound + 3 s) | met | tuner's own time per size (Publisher + Cleaner) |"
            + " Publisher per size | Cleaner per size | Initializer | Analyzer | Optimizer |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    int i = 1;
    for (Run run : runs) {
      double perSize =
          (run.stepMs().getOrDefault("Publisher", 0.0) + run.stepMs().getOrDefault("Cleaner", 0.0))
              / SIZES.size();
      out.append(
          String.format(
              Locale.ROOT,
              "| %d | %.1f s | %.1f s | %.1f s | %.1f s | %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms"
                  + " | %.1f ms | %.1f ms |%n",
              i++,
              run.wallSeconds(),
              run.functionCpuSeconds(),
              run.boundSeconds(),
              run.target(),
              run.wallSeconds() <= run.target() ? "yes" : "no",
              perSize,
              run.stepMs().getOrDefault("Publisher", 0.0) / SIZES.size(),
              run.stepMs().getOrDefault("Cleaner", 0.0) / SIZES.size(),
              run.stepMs().getOrDefault("Initializer", 0.0),
              run.stepMs().getOrDefault("Analyzer", 0.0),
              run.stepMs().getOrDefault("Optimizer", 0.0)));
    }
    out.append(
        "\nThe same function measured during a serial tuning run (num 10) and alone (10 warm"
            + " invocations per size, nothing else running): median Duration; target within"
            + " 10%.\n\n| memory | tuning p50 | alone p50 | ratio |\n|---|---|---|---|\n");
    for (JsonNode size : serial.path("sizes")) {
      int memory = size.path("value").asInt();
      double during = size.at("/duration/p50").asDouble();
      double by = alone.get(memory);
      out.append(
          String.format(
              Locale.ROOT,
              "| %d MB | %.1f ms | %.1f ms | %.3f |%n",
              memory,
              during,
              by,
              during / by));
    }
    return out.toString();
  }
}
