package io.powertune.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParser;
import io.powertune.analyzer.stats.Statistics;
import io.powertune.cli.install.InstallSettings;
import io.powertune.cli.install.TrustedTuner;
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
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Measurements when the host is busy: the CPU-bound example measured quiet and beside a CPU hog (a
 * busy loop per core, at normal priority, outside the platform), invoked directly (how many
 * invocations the platform flags contended, and how far their raw durations drift) and tuned (the
 * tuner runs contended invocations again and takes the CPU Wait off those that stay contended).
 * Target: each size's tuned duration with the hog within 10% of the quiet one.
 *
 * <p>Arguments: the CPU-bound example's folder, the results file, and the number of runs.
 */
public final class ContentionBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Integer> SIZES = List.of(512, 1024, 1769, 3008);
  private static final int NUM = 20;

  private final LambdaClient lambda;
  private final SfnClient sfn;
  private final String stateMachine;

  private ContentionBenchmark(LambdaClient lambda, SfnClient sfn, String stateMachine) {
    this.lambda = lambda;
    this.sfn = sfn;
    this.stateMachine = stateMachine;
  }

  /** Direct invocations of one size: their medians, and how many were flagged contended. */
  record Direct(double rawMedian, double correctedMedian, int flagged) {}

  /** One size in one run, quiet and beside the hog. */
  record Row(
      int size, Direct quiet, Direct busy, double tunedQuiet, double tunedBusy, JsonNode runs) {
    double tunedRatio() {
      return tunedBusy / tunedQuiet;
    }
  }

  public static void main(String[] args) throws Exception {
    Path example = Path.of(args[0]);
    Path results = Path.of(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path stateDir = Files.createTempDirectory("powertune-contention-bench");
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
      ContentionBenchmark bench = new ContentionBenchmark(lambda, sfn, stateMachine);
      SdkBytes code = BenchSupport.zip(example);
      String tuned = BenchSupport.deployPython(lambda, "cpu", code);
      String direct = BenchSupport.deployPython(lambda, "cpu-direct", code);
      bench.tune(tuned); // warm-up: the JIT, the tuner's clients
      List<List<Row>> all = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        Map<Integer, Direct> quietDirect = bench.direct(direct);
        JsonNode quietTuning = bench.tune(tuned);
        Map<Integer, Direct> busyDirect;
        JsonNode busyTuning;
        Hog hog = Hog.start(java.lang.Runtime.getRuntime().availableProcessors());
        try {
          busyDirect = bench.direct(direct);
          busyTuning = bench.tune(tuned);
        } finally {
          hog.close();
        }
        List<Row> rows = new ArrayList<>();
        for (int size : SIZES) {
          JsonNode quietSize = sizeOf(quietTuning, size);
          JsonNode busySize = sizeOf(busyTuning, size);
          rows.add(
              new Row(
                  size,
                  quietDirect.get(size),
                  busyDirect.get(size),
                  quietSize.path("averageDuration").asDouble(),
                  busySize.path("averageDuration").asDouble(),
                  busySize.path("contended")));
        }
        all.add(rows);
      }
      Files.writeString(results, report(all));
      System.out.print(Files.readString(results));
    }
  }

  private static JsonNode sizeOf(JsonNode tuning, int size) {
    for (JsonNode entry : tuning.path("sizes")) {
      if (entry.path("value").asInt() == size) {
        return entry;
      }
    }
    throw new IllegalStateException("no size " + size + " in " + tuning);
  }

  /** NUM warm invocations per size, straight through the Lambda API. */
  private Map<Integer, Direct> direct(String arn) {
    Map<Integer, Direct> result = new LinkedHashMap<>();
    for (int size : SIZES) {
      lambda.updateFunctionConfiguration(r -> r.functionName(arn).memorySize(size));
      lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(arn));
      report(arn); // the cold start
      double[] raw = new double[NUM];
      double[] corrected = new double[NUM];
      int flagged = 0;
      for (int i = 0; i < NUM; i++) {
        Report report = report(arn);
        raw[i] = report.durationMs();
        corrected[i] = report.durationMs() - report.cpuWaitMs().orElse(0);
        flagged += report.contended() ? 1 : 0;
      }
      result.put(
          size,
          new Direct(
              Statistics.summarize(raw, 0).median(),
              Statistics.summarize(corrected, 0).median(),
              flagged));
    }
    return result;
  }

  private Report report(String arn) {
    return ReportParser.parseLogResult(
        lambda.invoke(r -> r.functionName(arn).logType(LogType.TAIL)).logResult());
  }

  private JsonNode tune(String arn) throws Exception {
    ObjectNode input = JSON.createObjectNode().put("lambdaARN", arn).put("num", NUM);
    SIZES.forEach(input.putArray("powerValues")::add);
    return JSON.readTree(BenchSupport.runToEnd(sfn, stateMachine, input.toString()).output());
  }

  /** A busy loop per core, at normal priority, outside the platform's cgroups. */
  private record Hog(List<Process> loops) implements AutoCloseable {
    static Hog start(int cores) throws Exception {
      List<Process> loops = new ArrayList<>();
      for (int i = 0; i < cores; i++) {
        loops.add(new ProcessBuilder("python3", "-c", "while True: pass").start());
      }
      return new Hog(loops);
    }

    @Override
    public void close() {
      loops.forEach(Process::destroyForcibly);
    }
  }

  private static String report(List<List<Row>> runs) {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "# Contention benchmark%n%nRun %s on %d cores, Java %s: `bench/run-contention %d`. The"
                + " CPU-bound example (`examples/functions/cpu-python`), measured quiet and beside a"
                + " CPU hog (one `while True: pass` per core at normal priority, outside the"
                + " platform). Direct: %d warm invocations per size through the Lambda API, medians"
                + " of REPORT Duration, and of Duration less CPU Wait. Tuned: the tuner's"
                + " averageDuration (num %d, serial). Target: tuned with the hog within 10%% of"
                + " tuned quiet at every size.%n",
            Instant.now(),
            java.lang.Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            runs.size(),
            NUM,
            NUM));
    boolean met = true;
    for (int i = 0; i < runs.size(); i++) {
      md.append(
          String.format(
              Locale.ROOT,
              "%n## Run %d%n%n| memory | direct quiet ms (flagged) | direct hog ms (flagged) | hog /"
                  + " quiet | hog, less CPU Wait | tuned quiet ms | tuned hog ms | tuned hog /"
                  + " quiet | tuner's contended runs with the hog |%n"
                  + "|---|---|---|---|---|---|---|---|---|%n",
              i + 1));
      for (Row row : runs.get(i)) {
        met &= Math.abs(row.tunedRatio() - 1) <= 0.10;
        md.append(
            String.format(
                Locale.ROOT,
                "| %d MB | %.1f (%d of %d) | %.1f (%d of %d) | %.2f | %.1f | %.1f | %.1f | %.3f | %s |%n",
                row.size(),
                row.quiet().rawMedian(),
                row.quiet().flagged(),
                NUM,
                row.busy().rawMedian(),
                row.busy().flagged(),
                NUM,
                row.busy().rawMedian() / row.quiet().rawMedian(),
                row.busy().correctedMedian(),
                row.tunedQuiet(),
                row.tunedBusy(),
                row.tunedRatio(),
                row.runs().isMissingNode() ? "none" : row.runs().toString()));
      }
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%nTarget (tuned hog / quiet within [0.90, 1.10] at every size, every run): %s.%n",
            met ? "met" : "NOT met"));
    return md.toString();
  }
}
