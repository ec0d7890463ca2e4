package io.powertune.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.analyzer.pricing.Architecture;
import io.powertune.analyzer.pricing.PriceCatalog;
import io.powertune.analyzer.pricing.PriceCatalogs;
import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParser;
import io.powertune.analyzer.stats.Statistics;
import io.powertune.cli.install.InstallSettings;
import io.powertune.cli.install.TunerInstaller;
import io.powertune.platform.Platform;
import io.powertune.platform.PlatformConfig;
import io.powertune.tuner.TunerFunctions;
import io.powertune.tuner.TunerFunctions.TunerFunction;
import io.powertune.tuner.aws.TunerEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * The tuner's own functions as java21 processes (as {@code install} deploys them, and as they run
 * on AWS): what their memory size and JVM flags cost in cold starts and billed time, and whether a
 * function measured by an Executor running as a process gives the durations it gives alone.
 *
 * <p>Arguments: the examples folder, the results file, and the repetitions per configuration.
 */
public final class TunerProcessesBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Integer> MEMORY = List.of(512, 1024, 1769, 3008);
  private static final List<Integer> EXECUTOR_MEMORY = List.of(256, 512, 1024, 1769);
  private static final List<Integer> SIZES = List.of(128, 256, 512, 1024, 1536, 3008);
  private static final String TIERED_C1 = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
  private static final PriceCatalog PRICES = PriceCatalogs.defaults();

  /** One cold tuning with the workflow functions at one memory size and set of JVM flags. */
  record Cold(
      int memory,
      int executorMemory,
      String flags,
      double wallSeconds,
      double warmWallSeconds,
      double initMsTotal,
      double firstInvokeMsTotal,
      double billedMsTotal,
      double tunerCostUsd) {}

  public static void main(String[] args) throws Exception {
    Path examples = Path.of(args[0]);
    Path results = Path.of(args[1]);
    int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    List<Cold> cold = new ArrayList<>();
    boolean executorOnly = System.getenv().containsKey("EXECUTOR_ONLY");
    for (int rep = 0; rep < repetitions; rep++) {
      if (!executorOnly) {
        for (int memory : MEMORY) {
          for (String flags : List.of("", TIERED_C1)) {
            cold.add(coldRun(examples.resolve("io-python"), memory, memory, flags));
          }
        }
      }
      for (int executor : EXECUTOR_MEMORY) {
        cold.add(coldRun(examples.resolve("io-python"), 1769, executor, ""));
      }
    }
    Map<Integer, double[]> fidelity = fidelity(examples.resolve("cpu-python"));
    Files.writeString(results, report(cold, fidelity, repetitions));
    System.out.print(Files.readString(results));
  }

  private static Platform start(Path stateDir) throws Exception {
    return Platform.start(PlatformConfig.defaults(0, stateDir)); // no trusted handlers: processes
  }

  private static InstallSettings settings(int memory, int executor, String flags) {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put(TunerEnvironment.CONCURRENT_SIZES, "1");
    if (!flags.isEmpty()) {
      variables.put("JAVA_TOOL_OPTIONS", flags);
    }
    return InstallSettings.sharedHost().withMemory(memory, executor).withVariables(variables);
  }

  private static Cold coldRun(Path io, int memory, int executor, String flags) throws Exception {
    Path stateDir = Files.createTempDirectory("powertune-tuner-bench");
    try (Platform platform = start(stateDir);
        SdkHttpClient http =
            ApacheHttpClient.builder().socketTimeout(Duration.ofMinutes(10)).build();
        LambdaClient lambda = BenchSupport.lambda(platform, http);
        SfnClient sfn = BenchSupport.sfn(platform, http);
        CloudWatchLogsClient logs = BenchSupport.logs(platform, http)) {
      InstallSettings settings = settings(memory, executor, flags);
      String machine = install(lambda, sfn, logs, settings);
      String target = BenchSupport.deployPython(lambda, "io", BenchSupport.zip(io));
      double wall = timed(sfn, machine, input(target, List.of(128, 256), 5, false, "ms", 10));
      double warm = timed(sfn, machine, input(target, List.of(128, 256), 5, false, "ms", 10));
      double init = 0;
      double first = 0;
      double billed = 0;
      double cost = 0;
      for (TunerFunction function : TunerFunctions.ALL) {
        List<Report> reports = reports(logs, function);
        for (Report report : reports) {
          billed += report.billedDurationMs();
          cost +=
              PRICES.computePrice(
                  Architecture.ARM64, "us-east-1", memory, report.billedDurationMs());
          if (report.coldStart()) {
            init += report.initDurationMs().orElse(0);
            first += report.durationMs();
          }
        }
      }
      return new Cold(
          memory,
          executor,
          flags.isEmpty() ? "JVM defaults" : "TieredStopAtLevel=1",
          wall,
          warm,
          init,
          first,
          billed,
          cost);
    }
  }

  /** The CPU-bound function during a serial tuning by process steps, and alone: median ms. */
  private static Map<Integer, double[]> fidelity(Path cpu) throws Exception {
    Path stateDir = Files.createTempDirectory("powertune-tuner-bench");
    try (Platform platform = start(stateDir);
        SdkHttpClient http =
            ApacheHttpClient.builder().socketTimeout(Duration.ofMinutes(10)).build();
        LambdaClient lambda = BenchSupport.lambda(platform, http);
        SfnClient sfn = BenchSupport.sfn(platform, http);
        CloudWatchLogsClient logs = BenchSupport.logs(platform, http)) {
      String machine = install(lambda, sfn, logs, InstallSettings.sharedHost());
      SdkBytes code = BenchSupport.zip(cpu);
      String tuned = BenchSupport.deployPython(lambda, "cpu", code);
      String alone = BenchSupport.deployPython(lambda, "cpu-alone", code);
      execute(sfn, machine, input(tuned, List.of(128), 5, false, "rounds", 1000)); // warm-up
      JsonNode result =
          JSON.readTree(
              execute(sfn, machine, input(tuned, SIZES, 10, false, "rounds", 1000)).output());
      Map<Integer, double[]> ratios = new LinkedHashMap<>();
      for (JsonNode size : result.path("sizes")) {
        int memory = size.path("value").asInt();
        ratios.put(
            memory,
            new double[] {size.at("/duration/p50").asDouble(), aloneMedian(lambda, alone, memory)});
      }
      return ratios;
    }
  }

  private static double aloneMedian(LambdaClient lambda, String arn, int memory) {
    lambda.updateFunctionConfiguration(r -> r.functionName(arn).memorySize(memory));
    lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(arn));
    invoke(lambda, arn);
    double[] durations = new double[10];
    for (int i = 0; i < durations.length; i++) {
      durations[i] = invoke(lambda, arn);
    }
    return Statistics.summarize(durations, 0).median();
  }

  private static double invoke(LambdaClient lambda, String arn) {
    return ReportParser.parseLogResult(
            lambda
                .invoke(
                    r ->
                        r.functionName(arn)
                            .logType(LogType.TAIL)
                            .payload(SdkBytes.fromUtf8String("{\"rounds\": 1000}")))
                .logResult())
        .durationMs();
  }

  private static String install(
      LambdaClient lambda, SfnClient sfn, CloudWatchLogsClient logs, InstallSettings settings) {
    return BenchSupport.installTuner(lambda, sfn, logs, settings);
  }

  private static ObjectNode input(
      String arn, List<Integer> sizes, int num, boolean parallel, String key, int value) {
    ObjectNode input = JSON.createObjectNode().put("lambdaARN", arn).put("num", num);
    input.put("parallelInvocation", parallel);
    sizes.forEach(input.putArray("powerValues")::add);
    input.putObject("payload").put(key, value);
    return input;
  }

  private static double timed(SfnClient sfn, String machine, ObjectNode input) throws Exception {
    long started = System.nanoTime();
    execute(sfn, machine, input);
    return (System.nanoTime() - started) / 1e9;
  }

  private static DescribeExecutionResponse execute(SfnClient sfn, String machine, ObjectNode input)
      throws InterruptedException {
    return BenchSupport.runToEnd(sfn, machine, input.toString());
  }

  private static List<Report> reports(CloudWatchLogsClient logs, TunerFunction function) {
    List<Report> reports = new ArrayList<>();
    logs.filterLogEventsPaginator(
            r -> r.logGroupName(TunerInstaller.logGroup(function)).filterPattern("REPORT"))
        .events()
        .forEach(e -> reports.add(ReportParser.parse(e.message())));
    return reports;
  }

  private static String report(List<Cold> runs, Map<Integer, double[]> fidelity, int repetitions) {
    StringBuilder out =
        new StringBuilder("### The tuner as java21 processes (`bench/run-tuner-processes`)\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "Run %s on %d cores, Java %s, cgroup limits on, no trusted handlers (every workflow step"
                + " a java21 function process, as install deploys it). Per configuration, %d"
                + " repetitions on a fresh platform: a first tuning (every step a cold start) and a"
                + " second (warm) of the I/O-bound example at 128 and 256 MB, num 5. Billed time"
                + " and cost are the six workflow functions' over both tunings, at the arm64 price"
                + " of us-east-1.%n%n",
            Instant.now(),
            java.lang.Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            repetitions));
    out.append(
        "| workflow memory | Executor memory | JVM flags | first tuning | second tuning | Init"
            + " Duration (6 steps) | first invocations (6 steps) | billed (all) | tuner's compute"
            + " cost |\n");
    out.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Cold run : runs) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %d MB | %d MB | %s | %.1f s | %.1f s | %.0f ms | %.0f ms | %.0f ms | $%.7f |%n",
              run.memory(),
              run.executorMemory(),
              run.flags(),
              run.wallSeconds(),
              run.warmWallSeconds(),
              run.initMsTotal(),
              run.firstInvokeMsTotal(),
              run.billedMsTotal(),
              run.tunerCostUsd()));
    }
    out.append(
        "\nThe CPU-bound example measured during a serial tuning by the Executor as a process"
            + " (num 10; it lends its CPU share while it waits) and alone (10 warm invocations):"
            + " median Duration; target within 10%.\n\n| memory | tuning p50 | alone p50 | ratio |\n"
            + "|---|---|---|---|\n");
    fidelity.forEach(
        (memory, pair) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    "| %d MB | %.1f ms | %.1f ms | %.3f |%n",
                    memory,
                    pair[0],
                    pair[1],
                    pair[0] / pair[1])));
    return out.toString();
  }
}
