package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertune.analyzer.report.ReportParser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** Environments are reaped when idle, and the account's concurrency limit holds. */
class EnvironmentLifecycleIT {

  @TempDir Path stateDir;

  private static PlatformConfig config(Path dir, Duration idle, int accountConcurrency) {
    return new PlatformConfig(
        0,
        dir,
        idle,
        List.of(),
        accountConcurrency,
        Clock.systemUTC(),
        Path.of("/sys/fs/cgroup"),
        Duration.ofSeconds(30));
  }

  @Test
  void idleEnvironment_isReaped_andTheNextCallIsCold() throws Exception {
    try (PlatformFixture fixture =
        new PlatformFixture(config(stateDir, Duration.ofMillis(300), 1000))) {
      LambdaClient lambda = fixture.lambda();
      fixture.create(
          lambda,
          "reaped",
          Runtime.PYTHON3_12,
          "app.count",
          Zips.testFunction("python-behaviours"));

      assertThat(invoke(lambda, "reaped").payload().asUtf8String()).isEqualTo("1");
      assertThat(fixture.platform().environmentCount()).isEqualTo(1);
      Eventually.until(
          "the idle environment is reaped",
          Duration.ofSeconds(10),
          () -> fixture.platform().environmentCount() == 0);
      InvokeResponse again = invoke(lambda, "reaped");

      assertThat(again.payload().asUtf8String()).isEqualTo("1");
      assertThat(ReportParser.parseLogResult(again.logResult()).coldStart()).isTrue();
    }
  }

  @Test
  void accountLimit_reached_throttlesWithItsReason() throws Exception {
    try (PlatformFixture fixture =
        new PlatformFixture(config(stateDir, Duration.ofMinutes(10), 1))) {
      LambdaClient lambda = fixture.lambda();
      fixture.create(
          lambda,
          "busy",
          Runtime.PYTHON3_12,
          "app.sleep",
          Zips.testFunction("python-behaviours"),
          128,
          30);
      CompletableFuture<InvokeResponse> first =
          CompletableFuture.supplyAsync(
              () ->
                  lambda.invoke(
                      r ->
                          r.functionName("busy")
                              .payload(SdkBytes.fromUtf8String("{\"seconds\":2}"))));
      Eventually.until(
          "the first call holds the only slot",
          Duration.ofSeconds(10),
          () -> fixture.platform().environmentCount() == 1);

      assertThatThrownBy(
              () ->
                  fixture
                      .lambdaWithoutRetries()
                      .invoke(
                          r ->
                              r.functionName("busy")
                                  .payload(SdkBytes.fromUtf8String("{\"seconds\":0}"))))
          .isInstanceOfSatisfying(
              TooManyRequestsException.class,
              e -> assertThat(e.reasonAsString()).isEqualTo("ConcurrentInvocationLimitExceeded"));
      assertThat(first.join().payload().asUtf8String()).isEqualTo("\"woke up\"");
    }
  }

  @Test
  void withoutCgroups_everyReportSaysCpuScalingIsUnavailable() throws Exception {
    PlatformConfig unlimited =
        new PlatformConfig(
            0,
            stateDir,
            Duration.ofMinutes(10),
            List.of(),
            1000,
            Clock.systemUTC(),
            null,
            Duration.ofSeconds(30));
    try (PlatformFixture fixture = new PlatformFixture(unlimited)) {
      LambdaClient lambda = fixture.lambda();
      fixture.create(
          lambda,
          "unscaled",
          Runtime.PYTHON3_12,
          "app.count",
          Zips.testFunction("python-behaviours"));

      InvokeResponse response = invoke(lambda, "unscaled");

      assertThat(ReportParser.parseLogResult(response.logResult()).cpuScaling())
          .contains("unavailable");
    }
  }

  private static InvokeResponse invoke(LambdaClient lambda, String name) {
    return lambda.invoke(
        r -> r.functionName(name).logType(LogType.TAIL).payload(SdkBytes.fromUtf8String("{}")));
  }
}
