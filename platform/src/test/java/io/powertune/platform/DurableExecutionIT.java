package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Kill -9 the platform in the middle of an execution, start it again: the execution continues from
 * its last state (the Task in flight runs again) and finishes.
 */
class DurableExecutionIT {

  private static final String DEFINITION =
      "{\"StartAt\":\"Before\",\"States\":{"
          + "\"Before\":{\"Type\":\"Pass\",\"Result\":\"yes\",\"ResultPath\":\"$.before\","
          + "\"Next\":\"Slow\"},"
          + "\"Slow\":{\"Type\":\"Task\","
          + "\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:corpus-sleep\","
          + "\"Next\":\"After\"},"
          + "\"After\":{\"Type\":\"Pass\",\"Result\":\"done\",\"ResultPath\":\"$.after\","
          + "\"End\":true}}}";

  @TempDir Path stateDir;
  private Process platform;

  @AfterEach
  void kill() {
    if (platform != null) {
      platform.destroyForcibly();
    }
  }

  private URI startPlatform() throws Exception {
    Files.deleteIfExists(stateDir.resolve("endpoint"));
    Path log = stateDir.resolve("platform-" + System.nanoTime() + ".log");
    platform =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                PlatformMain.class.getName(),
                stateDir.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Eventually.until(
        "the platform writes its endpoint (log: " + log + ")",
        Duration.ofSeconds(60),
        () -> Files.exists(stateDir.resolve("endpoint")));
    return URI.create(Files.readString(stateDir.resolve("endpoint")).strip());
  }

  private ProfileCredentialsProvider credentials() {
    return ProfileCredentialsProvider.builder()
        .profileFile(
            ProfileFile.builder()
                .content(stateDir.resolve("credentials"))
                .type(ProfileFile.Type.CREDENTIALS)
                .build())
        .profileName("default")
        .build();
  }

  private SfnClient sfn(URI endpoint) {
    return SfnClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .build();
  }

  @Test
  void anExecution_survivesAKill9_andFinishesAfterTheRestart() throws Exception {
    URI first = startPlatform();
    try (LambdaClient lambda =
            LambdaClient.builder()
                .endpointOverride(first)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .build();
        SfnClient sfn = sfn(first)) {
      CorpusFunctionsDeployer.deploy(lambda);
      String machine =
          sfn.createStateMachine(
                  r -> r.name("durable").definition(DEFINITION).roleArn(PlatformFixture.ROLE))
              .stateMachineArn();
      String execution =
          sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"seconds\":3}"))
              .executionArn();
      Eventually.until(
          "the Task is in flight",
          Duration.ofSeconds(30),
          () -> types(sfn, execution).contains("LambdaFunctionStarted"));

      platform.destroyForcibly().waitFor();

      URI second = startPlatform();
      try (SfnClient after = sfn(second)) {
        Eventually.until(
            "the execution finishes after the restart",
            Duration.ofSeconds(60),
            () ->
                after.describeExecution(r -> r.executionArn(execution)).status()
                    != ExecutionStatus.RUNNING);
        DescribeExecutionResponse done = after.describeExecution(r -> r.executionArn(execution));
        List<HistoryEvent> events =
            after.getExecutionHistoryPaginator(r -> r.executionArn(execution)).events().stream()
                .toList();

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.read(done.output()))
            .isEqualTo(Json.read("{\"seconds\":3,\"before\":\"yes\",\"after\":\"done\"}"));
        assertThat(events.stream().map(HistoryEvent::typeAsString))
            .as("the Task in flight ran again, at least once")
            .filteredOn(t -> t.equals("LambdaFunctionScheduled"))
            .hasSize(2);
        assertThat(events.stream().map(HistoryEvent::id))
            .as("event ids go on after the restart")
            .doesNotHaveDuplicates()
            .isSorted();
        assertThat(
                events.stream()
                    .map(HistoryEvent::typeAsString)
                    .filter(t -> t.equals("PassStateEntered")))
            .as("the state completed before the kill did not run again")
            .hasSize(2);
      }
    }
  }

  private static List<String> types(SfnClient sfn, String execution) {
    return sfn.getExecutionHistoryPaginator(r -> r.executionArn(execution)).events().stream()
        .map(HistoryEvent::typeAsString)
        .toList();
  }
}
