package io.powertune.bench;

import com.sun.net.httpserver.HttpServer;
import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParser;
import io.powertune.analyzer.stats.DurationSummary;
import io.powertune.analyzer.stats.Statistics;
import io.powertune.platform.Platform;
import io.powertune.platform.PlatformConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Measures the platform's own cost of an Invoke on every runtime (python, node, java, provided):
 * warm Invoke overhead (SDK round trip minus the REPORT Duration) against the client's floor (the
 * same client's round trip to a canned loopback server that answers an Invoke at once), cold-start
 * overhead (round trip minus Init Duration and Duration: beyond the runtime's own start), and
 * throughput with 32 concurrent callers; with cgroup limits off and on. Writes a Markdown report.
 *
 * <p>Arguments: the hello examples' folder ({@code examples/hello}), the results file.
 */
public final class PlatformBenchmark {

  private static final int WARM_CALLS = 2_000;
  private static final int WARM_UP_CALLS = 3_000;
  private static final int MEMORY_MB = 1769;
  private static final int COLD_STARTS = 20;
  private static final int CALLERS = 32;
  private static final Duration THROUGHPUT_WINDOW = Duration.ofSeconds(10);

  /** One runtime's hello function. */
  private record Case(String label, Runtime runtime, String handler, SdkBytes code) {}

  /** One runtime's figures. */
  private record Figures(
      String label, DurationSummary warm, DurationSummary cold, double throughput) {}

  private PlatformBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path hello = Path.of(args[0]);
    Path out = Path.of(args[1]);
    List<Case> cases =
        List.of(
            new Case(
                "provided.al2023 (Python bootstrap)",
                Runtime.PROVIDED_AL2023,
                "noop",
                BenchSupport.zip(hello.resolve("provided"))),
            new Case(
                "python3.12",
                Runtime.PYTHON3_12,
                "app.handler",
                BenchSupport.zip(hello.resolve("python"))),
            new Case(
                "nodejs20.x",
                Runtime.NODEJS20_X,
                "index.handler",
                BenchSupport.zip(hello.resolve("node"))),
            new Case(
                "java21",
                Runtime.JAVA21,
                "example.Hello::handleRequest",
                SdkBytes.fromByteArray(
                    Files.readAllBytes(hello.resolve("java/target/hello-java.jar")))));
    DurationSummary floor = clientFloor();
    String limitsOff = table(floor, run(cases, false));
    String limitsOn = table(floor, run(cases, true));
    String report =
        header(floor)
            + "## The platform's own cost (cgroup limits off)\n\n"
            + limitsOff
            + "\n## The same with cgroup limits on (1 vCPU and 1769 MB per environment)\n\n"
            + limitsOn;
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
  }

  /**
   * Each runtime on a platform of its own: the 32 environments a throughput phase leaves warm would
   * otherwise stand beside the next runtime's cold starts (each with a loop device and a
   * namespace).
   */
  private static List<Figures> run(List<Case> cases, boolean limits) throws Exception {
    List<Figures> figures = new ArrayList<>();
    for (Case c : cases) {
      Path state = Files.createTempDirectory("powertune-bench");
      PlatformConfig defaults = PlatformConfig.defaults(0, state);
      PlatformConfig config = limits ? defaults : defaults.withoutLimits();
      try (Platform platform = Platform.start(config);
          SdkHttpClient http =
              ApacheHttpClient.builder().socketTimeout(Duration.ofMinutes(1)).build()) {
        LambdaClient lambda = BenchSupport.lambda(platform, http);
        String name = c.runtime().toString().replace('.', '-');
        create(lambda, name, c);
        DurationSummary warm = warmOverhead(lambda, name);
        DurationSummary cold = coldOverhead(platform, lambda, name, c);
        double throughput = throughput(lambda, name);
        figures.add(new Figures(c.label(), warm, cold, throughput));
      }
    }
    return figures;
  }

  /**
   * The floor any Invoke pays on this machine from this client: the SDK round trip to a canned
   * loopback server that answers an Invoke with a payload and a log tail at once (no function, no
   * platform).
   */
  private static DurationSummary clientFloor() throws IOException {
    byte[] body = "{\"message\":\"Hello, world!\"}".getBytes(StandardCharsets.UTF_8);
    String tail =
        Base64.getEncoder()
            .encodeToString(
                "REPORT RequestId: r\tDuration: 0.50 ms\tBilled Duration: 1 ms\t"
                    .getBytes(StandardCharsets.UTF_8));
    // without TCP_NODELAY the JDK's server answers in two packets and Nagle holds the second
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
          exchange.getResponseHeaders().add("X-Amz-Log-Result", tail);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    try (SdkHttpClient http = ApacheHttpClient.builder().build();
        LambdaClient client =
            LambdaClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClient(http)
                .build()) {
      for (int i = 0; i < WARM_UP_CALLS; i++) {
        invoke(client, "floor");
      }
      double[] roundTrips = new double[WARM_CALLS];
      for (int i = 0; i < WARM_CALLS; i++) {
        long start = System.nanoTime();
        invoke(client, "floor");
        roundTrips[i] = (System.nanoTime() - start) / 1e6;
      }
      return Statistics.summarize(roundTrips, 0);
    } finally {
      server.stop(0);
    }
  }

  private static DurationSummary warmOverhead(LambdaClient lambda, String name) {
    // warm up until the JIT has compiled the hot paths of the client and the platform
    for (int i = 0; i < WARM_UP_CALLS; i++) {
      invoke(lambda, name);
    }
    double[] overhead = new double[WARM_CALLS];
    for (int i = 0; i < WARM_CALLS; i++) {
      long start = System.nanoTime();
      InvokeResponse response = invoke(lambda, name);
      double roundTrip = (System.nanoTime() - start) / 1e6;
      overhead[i] = roundTrip - ReportParser.parseLogResult(response.logResult()).durationMs();
    }
    return Statistics.summarize(overhead, 0);
  }

  private static DurationSummary coldOverhead(
      Platform platform, LambdaClient lambda, String name, Case c) throws InterruptedException {
    double[] overhead = new double[COLD_STARTS];
    int before = platform.environmentCount();
    for (int i = 0; i < COLD_STARTS; i++) {
      settle(platform, before);
      String cold = name + "-cold-" + i;
      create(lambda, cold, c);
      long start = System.nanoTime();
      InvokeResponse response = invoke(lambda, cold);
      double roundTrip = (System.nanoTime() - start) / 1e6;
      Report report = ReportParser.parseLogResult(response.logResult());
      overhead[i] = roundTrip - report.durationMs() - report.initDurationMs().orElseThrow();
      lambda.deleteFunction(r -> r.functionName(cold));
    }
    return Statistics.summarize(overhead, 0);
  }

  /**
   * Waits until the environments of deleted functions have ended (they end in the background): a
   * cold start is measured on its own, not beside the teardown of the one before it.
   */
  private static void settle(Platform platform, int environments) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (platform.environmentCount() > environments && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  private static double throughput(LambdaClient lambda, String name) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    try {
      List<Future<?>> warmUp = new ArrayList<>();
      for (int i = 0; i < CALLERS * 4; i++) {
        warmUp.add(callers.submit(() -> invoke(lambda, name)));
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
                    lambda.invoke(r -> r.functionName(name).payload(SdkBytes.fromUtf8String("{}")));
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
    InvokeResponse response =
        lambda.invoke(
            r ->
                r.functionName(name)
                    .logType(LogType.TAIL)
                    .payload(SdkBytes.fromUtf8String("{\"name\":\"bench\"}")));
    if (response.functionError() != null) {
      throw new IllegalStateException(name + " failed: " + response.payload().asUtf8String());
    }
    return response;
  }

  private static void create(LambdaClient lambda, String name, Case c) {
    lambda.createFunction(
        r ->
            r.functionName(name)
                .runtime(c.runtime())
                .handler(c.handler())
                .role("arn:aws:iam::000000000000:role/bench")
                // one vCPU: the platform's cost is measured, not a throttled runtime's
                .memorySize(MEMORY_MB)
                .timeout(30)
                .code(code -> code.zipFile(c.code())));
    lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
  }

  private static String header(DurationSummary floor) throws IOException {
    String cpu =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.substring(l.indexOf(':') + 1).strip())
            .orElse("unknown CPU");
    return String.format(
        Locale.ROOT,
        "# Platform invoke benchmark%n%n"
            + "Run %s on %d cores (%s), Java %s: `bench/run`. The hello function of each runtime"
            + " (`examples/hello`) at %d MB, invoked with the AWS SDK for Java v2 and its default"
            + " (Apache) HTTP client, LogType Tail. The client's floor is the same client's round"
            + " trip to a canned loopback server that answers an Invoke at once: p50 %.3f ms, p99"
            + " %.3f ms (%d calls). Warm overhead is the round trip less the REPORT Duration;"
            + " beyond the floor is that less the floor's same percentile. Cold-start overhead is"
            + " the round trip less Init Duration and Duration, what the platform adds to the"
            + " runtime's own start (%d cold starts). Throughput: %d callers for %d s. Targets:"
            + " warm p50 within 1 ms of the floor, p99 within 5 ms, cold-start overhead p50 <= 30"
            + " ms, >= 1,000 invokes/s.%n%n",
        Instant.now(),
        java.lang.Runtime.getRuntime().availableProcessors(),
        cpu,
        System.getProperty("java.version"),
        MEMORY_MB,
        floor.median(),
        floor.p99(),
        WARM_CALLS,
        COLD_STARTS,
        CALLERS,
        THROUGHPUT_WINDOW.toSeconds());
  }

  private static String table(DurationSummary floor, List<Figures> figures) {
    StringBuilder md =
        new StringBuilder(
            "| runtime | warm p50 (beyond floor) | warm p99 (beyond floor) | cold-start overhead"
                + " p50 / max | invokes/s |\n|---|---|---|---|---|\n");
    for (Figures f : figures) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.3f ms (%+.3f) | %.3f ms (%+.3f) | %.2f / %.2f ms | %.0f |%n",
              f.label(),
              f.warm().median(),
              f.warm().median() - floor.median(),
              f.warm().p99(),
              f.warm().p99() - floor.p99(),
              f.cold().median(),
              f.cold().max(),
              f.throughput()));
    }
    return md.toString();
  }
}
