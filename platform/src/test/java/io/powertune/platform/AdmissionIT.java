package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.powertune.analyzer.report.ReportParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.ThrottleReason;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Admission control over the wire: while a large share runs, neither a warm invocation nor a cold
 * start that does not fit beside it runs; each waits its bounded time, then gets 429. Callers that
 * wait take a warm environment when their turn comes, so they share it instead of starting more.
 */
class AdmissionIT {

  @TempDir Path stateDir;

  /**
   * A function holding a share of every core but 0.2 (nothing of a whole vCPU fits beside it),
   * running until the file {@code release} exists.
   */
  private record Hog(CompletableFuture<InvokeResponse> done, Path release) {

    static Hog start(PlatformFixture fixture, LambdaClient lambda, Path code, Path signals) {
      int cores = java.lang.Runtime.getRuntime().availableProcessors();
      int memory = (int) Math.round((cores - 0.3) * 1769);
      fixture.create(lambda, "hog", Runtime.PYTHON3_12, "app.hold", code, memory, 60);
      Path started = signals.resolve("started");
      Path release = signals.resolve("release");
      String event = "{\"started\":\"" + started + "\",\"release\":\"" + release + "\"}";
      CompletableFuture<InvokeResponse> done =
          CompletableFuture.supplyAsync(
              () ->
                  lambda.invoke(
                      r -> r.functionName("hog").payload(SdkBytes.fromUtf8String(event))));
      Eventually.until("the hog runs", Duration.ofSeconds(30), () -> Files.exists(started));
      return new Hog(done, release);
    }
  }

  @Test
  void sharesThatDoNotFit_waitThenGet429_andRunOnceTheCpuIsFree() throws Exception {
    HostSupport.assumeWritableCgroups("AdmissionIT");
    PlatformConfig config =
        PlatformFixture.config(stateDir).withAdmissionWait(Duration.ofMillis(300));
    try (PlatformFixture fixture = new PlatformFixture(config);
        SharedFolder shared = new SharedFolder("admission")) {
      LambdaClient lambda = fixture.lambdaWithoutRetries();
      Path code = Zips.testFunction("python-behaviours");
      fixture.create(lambda, "warm", Runtime.PYTHON3_12, "app.count", code, 1769, 30);
      fixture.create(lambda, "cold", Runtime.PYTHON3_12, "app.count", code, 128, 30);
      lambda.invoke(r -> r.functionName("warm"));

      Hog hog = Hog.start(fixture, lambda, code, shared.path());
      TooManyRequestsException warm =
          catchThrowableOfType(
              TooManyRequestsException.class, () -> lambda.invoke(r -> r.functionName("warm")));
      TooManyRequestsException cold =
          catchThrowableOfType(
              TooManyRequestsException.class, () -> lambda.invoke(r -> r.functionName("cold")));
      Files.createFile(hog.release());
      InvokeResponse hogDone = hog.done().get();
      InvokeResponse coldDone = lambda.invoke(r -> r.functionName("cold").logType(LogType.TAIL));

      assertThat(warm.statusCode()).isEqualTo(429);
      assertThat(warm.reason()).isEqualTo(ThrottleReason.CONCURRENT_INVOCATION_LIMIT_EXCEEDED);
      assertThat(cold.statusCode()).isEqualTo(429);
      assertThat(cold.reason()).isEqualTo(ThrottleReason.CONCURRENT_INVOCATION_LIMIT_EXCEEDED);
      assertThat(hogDone.payload().asUtf8String()).isEqualTo("\"released\"");
      assertThat(coldDone.payload().asUtf8String()).isEqualTo("1");
      assertThat(ReportParser.parseLogResult(coldDone.logResult()).initDurationMs()).isPresent();
    }
  }

  @Test
  void callersQueuedBehindABusyHost_takeTheWarmEnvironmentInTurn_insteadOfColdStarting()
      throws Exception {
    HostSupport.assumeWritableCgroups("AdmissionIT");
    try (PlatformFixture fixture = new PlatformFixture(PlatformFixture.config(stateDir));
        SharedFolder shared = new SharedFolder("admission-queue")) {
      LambdaClient lambda = fixture.lambdaWithoutRetries();
      Path code = Zips.testFunction("python-behaviours");
      // a share of more than half the capacity: once the hog ends, one invocation runs at a time
      int cores = java.lang.Runtime.getRuntime().availableProcessors();
      int memory = Math.max(1769, (int) Math.ceil(((cores - 0.2) / 2 + 0.05) * 1769));
      assumeTrue(memory <= 10_240, "a share above half of " + cores + " cores needs over 10 GB");
      fixture.create(lambda, "warm", Runtime.PYTHON3_12, "app.count", code, memory, 30);
      lambda.invoke(r -> r.functionName("warm"));
      Hog hog = Hog.start(fixture, lambda, code, shared.path());

      int callers = 4;
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      try {
        List<Future<InvokeResponse>> queued = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
          queued.add(
              pool.submit(() -> lambda.invoke(r -> r.functionName("warm").logType(LogType.TAIL))));
        }
        Eventually.until(
            "every caller waits for the busy host",
            Duration.ofSeconds(30),
            () -> fixture.platform().admissionWaiting() == callers);
        Files.createFile(hog.release());
        hog.done().get();
        List<String> counts = new ArrayList<>();
        for (Future<InvokeResponse> f : queued) {
          InvokeResponse response = f.get();
          counts.add(response.payload().asUtf8String());
          assertThat(ReportParser.parseLogResult(response.logResult()).initDurationMs())
              .as("a queued caller reuses the warm environment")
              .isEmpty();
        }
        assertThat(counts).containsExactlyInAnyOrder("2", "3", "4", "5");
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
