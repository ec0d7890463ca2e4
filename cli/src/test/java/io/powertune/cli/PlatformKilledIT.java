package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.platform.Eventually;
import io.powertune.platform.auth.CredentialsFile;
import io.powertune.platform.auth.PlatformCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * The platform killed (SIGKILL) in the middle of a tuning, then started again on its state
 * directory: the tuning resumes and finishes, and the function is left exactly as it was found.
 */
class PlatformKilledIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path JAR = ROOT.resolve("cli/target/powertune.jar");
  private static final String MACHINE =
      "arn:aws:states:us-east-1:000000000000:stateMachine:powertune";

  @TempDir Path stateDir;
  @TempDir Path work;

  @Test
  void killedMidTuning_resumesOnRestart_andLeavesTheFunctionAsFound() throws Exception {
    Process first = platform("first.log");
    Process tune = null;
    Process second = null;
    try {
      tune =
          new ProcessBuilder(
                  java(),
                  "-jar",
                  JAR.toString(),
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
                  "survivor",
                  "--powers",
                  "128,256,512",
                  "--num",
                  "5",
                  "--payload",
                  "{\"ms\": 200}",
                  "--out",
                  work.resolve("out").toString())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(work.resolve("tune.log").toFile())
              .start();
      Eventually.until(
          "the first size measured, the tuning not finished",
          Duration.ofMinutes(3),
          () -> measuredSizes() >= 1);

      String killedDuring = execution().executionArn();
      first.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      tune.destroyForcibly();
      tune.waitFor(30, TimeUnit.SECONDS);

      second = platform("second.log");
      Eventually.until(
          "the resumed tuning ends", Duration.ofMinutes(3), () -> !running(execution()));

      assertThat(execution().executionArn()).isEqualTo(killedDuring);
      assertThat(execution().statusAsString()).isEqualTo("SUCCEEDED");
      try (LambdaClient lambda = lambda()) {
        var latest = lambda.getFunctionConfiguration(r -> r.functionName("survivor"));
        assertThat(latest.memorySize()).isEqualTo(128);
        assertThat(lambda.listVersionsByFunction(r -> r.functionName("survivor")).versions())
            .extracting(v -> v.version())
            .containsExactly("$LATEST");
        assertThat(lambda.listAliases(r -> r.functionName("survivor")).aliases()).isEmpty();
      }
    } finally {
      for (Process p : new Process[] {tune, second, first}) {
        if (p != null) {
          p.destroy();
          p.waitFor(30, TimeUnit.SECONDS);
        }
      }
    }
  }

  private Process platform(String log) throws IOException {
    Files.deleteIfExists(stateDir.resolve("endpoint"));
    Process process =
        new ProcessBuilder(
                java(), "-jar", JAR.toString(), "platform", "--state-dir", stateDir.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve(log).toFile())
            .start();
    Eventually.until(
        "the platform serves",
        Duration.ofMinutes(2),
        () -> Files.exists(stateDir.resolve("endpoint")));
    return process;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private int measuredSizes() {
    try (SfnClient sfn = sfn()) {
      List<ExecutionListItem> executions =
          sfn.listExecutions(r -> r.stateMachineArn(MACHINE)).executions();
      if (executions.isEmpty() || !running(executions.get(0))) {
        return 0;
      }
      return (int)
          sfn
              .getExecutionHistory(r -> r.executionArn(executions.get(0).executionArn()))
              .events()
              .stream()
              .filter(e -> e.type() == HistoryEventType.MAP_ITERATION_SUCCEEDED)
              .count();
    } catch (RuntimeException e) {
      return 0; // the tuner is being installed
    }
  }

  private ExecutionListItem execution() {
    try (SfnClient sfn = sfn()) {
      return sfn.listExecutions(r -> r.stateMachineArn(MACHINE)).executions().get(0);
    }
  }

  private static boolean running(ExecutionListItem execution) {
    return execution.statusAsString().equals("RUNNING");
  }

  private SfnClient sfn() {
    return SfnClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private LambdaClient lambda() {
    return LambdaClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private URI endpoint() {
    try {
      return URI.create(Files.readString(stateDir.resolve("endpoint")).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private StaticCredentialsProvider credentials() {
    PlatformCredentials keys = CredentialsFile.loadOrCreate(stateDir, new SecureRandom());
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()));
  }
}
