package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.platform.Eventually;
import io.powertune.platform.PlatformFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Ctrl-C during {@code powertune tune}, as a user presses it: the command (a real process, with its
 * platform inside) stops the execution and still leaves the function as it was.
 */
class TuneInterruptIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path stateDir;
  @TempDir Path work;

  @Test
  void ctrlC_stopsTheRun_andTheFunctionIsLeftAsItWas() throws Exception {
    Path err = work.resolve("err.txt");
    Process tune =
        new ProcessBuilder(
                ROOT.resolve("powertune").toString(),
                "tune",
                "--state-dir",
                stateDir.toString(),
                "--deploy",
                ROOT.resolve("examples/functions/io-python").toString(),
                "--runtime",
                "python3.12",
                "--handler",
                "app.handler",
                "--function",
                "slow",
                "--powers",
                "128,256",
                "--num",
                "20",
                "--payload",
                "{\"ms\": 1000}",
                "--out",
                work.resolve("out").toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .start();
    try {
      Eventually.until(
          "the first invocation",
          Duration.ofMinutes(3),
          () -> read(err).contains("tuning slow at 2 sizes") && invoked(stateDir));

      new ProcessBuilder("kill", "-INT", Long.toString(tune.pid())).start().waitFor();

      assertThat(tune.waitFor(2, TimeUnit.MINUTES)).as("the command ended").isTrue();
      assertThat(read(err))
          .contains("powertune: stopping the tuning; the function is put back as it was...")
          .contains(
              "powertune: stopped; the run's aliases and versions are deleted and $LATEST is as it"
                  + " was");
    } finally {
      tune.destroyForcibly();
      tune.waitFor(30, TimeUnit.SECONDS);
    }
    try (PlatformFixture platform = new PlatformFixture(PlatformFixture.config(stateDir))) {
      LambdaClient lambda = platform.lambda();
      var latest = lambda.getFunctionConfiguration(r -> r.functionName("slow"));
      assertThat(latest.memorySize()).isEqualTo(128);
      assertThat(latest.description()).isNullOrEmpty();
      assertThat(lambda.listVersionsByFunction(r -> r.functionName("slow")).versions())
          .extracting(v -> v.version())
          .containsExactly("$LATEST");
      assertThat(lambda.listAliases(r -> r.functionName("slow")).aliases()).isEmpty();
      assertThat(
              platform
                  .sfn()
                  .listExecutions(
                      r ->
                          r.stateMachineArn(
                              "arn:aws:states:us-east-1:000000000000:stateMachine:powertune"))
                  .executions())
          .extracting(e -> e.statusAsString())
          .containsExactly("ABORTED");
    }
  }

  /** True once the platform of the running command has invoked the function. */
  private static boolean invoked(Path stateDir) {
    return Files.exists(stateDir.resolve("endpoint")) && logsHaveAReport(stateDir);
  }

  private static boolean logsHaveAReport(Path stateDir) {
    try {
      var credentials =
          io.powertune.platform.auth.CredentialsFile.loadOrCreate(
              stateDir, new java.security.SecureRandom());
      var endpoint = java.net.URI.create(Files.readString(stateDir.resolve("endpoint")).strip());
      try (var logs =
          software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient.builder()
              .endpointOverride(endpoint)
              .region(software.amazon.awssdk.regions.Region.US_EAST_1)
              .credentialsProvider(
                  software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                      software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                          credentials.accessKeyId(), credentials.secretAccessKey())))
              .httpClient(
                  software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
              .build()) {
        return !logs.filterLogEvents(
                r -> r.logGroupName("/aws/lambda/slow").filterPattern("REPORT"))
            .events()
            .isEmpty();
      }
    } catch (RuntimeException | java.io.IOException e) {
      return false; // not started yet, or no invocation yet
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
