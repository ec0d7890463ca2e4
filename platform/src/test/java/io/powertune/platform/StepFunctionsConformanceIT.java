package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.statemachine.conformance.Corpus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;

/**
 * The whole conformance corpus over the wire: each state machine created and run through the AWS
 * SDK's SfnClient against the platform, its Tasks calling real functions (Python processes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StepFunctionsConformanceIT {

  @TempDir static Path stateDir;
  private PlatformFixture fixture;
  private SfnClient sfn;

  @BeforeAll
  void start() throws Exception {
    fixture = new PlatformFixture(stateDir);
    sfn = fixture.sfn();
    CorpusFunctionsDeployer.deploy(fixture.lambda());
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  @TestFactory
  Stream<DynamicTest> corpus() throws Exception {
    List<String> cases = Corpus.cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
    return cases.stream().map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
  }

  private void check(String file) throws Exception {
    JsonNode spec = Corpus.read(file);
    JsonNode expected = spec.path("expected");
    String machine = "corpus-" + file.substring(0, 3);
    if (expected.path("status").asText().equals("INVALID_DEFINITION")) {
      InvalidDefinitionException e =
          catchThrowableOfType(
              InvalidDefinitionException.class,
              () ->
                  sfn.createStateMachine(
                      r ->
                          r.name(machine)
                              .definition(spec.path("definition").toString())
                              .roleArn(PlatformFixture.ROLE)));
      assertThat(e).as(file).isNotNull();
      assertThat(e.statusCode()).isEqualTo(400);
      for (JsonNode problem : expected.path("problems")) {
        assertThat(e.awsErrorDetails().errorMessage()).as(file).contains(problem.asText());
      }
      return;
    }
    String arn =
        sfn.createStateMachine(
                r ->
                    r.name(machine)
                        .definition(spec.path("definition").toString())
                        .roleArn(PlatformFixture.ROLE))
            .stateMachineArn();
    String input = spec.has("input") ? spec.get("input").toString() : "{}";
    String execution =
        sfn.startExecution(r -> r.stateMachineArn(arn).name("run-1").input(input)).executionArn();
    Eventually.until(
        file + " ends",
        Duration.ofSeconds(60),
        () ->
            sfn.describeExecution(r -> r.executionArn(execution)).status()
                != ExecutionStatus.RUNNING);
    DescribeExecutionResponse done = sfn.describeExecution(r -> r.executionArn(execution));

    assertThat(done.statusAsString())
        .as("%s: %s", file, done)
        .isEqualTo(expected.path("status").asText());
    if (expected.has("output")) {
      assertThat(Json.read(done.output())).as(file).isEqualTo(expected.get("output"));
    }
    if (expected.has("error")) {
      assertThat(done.error()).as(file).isEqualTo(expected.get("error").asText());
    }
    if (expected.has("cause")) {
      assertThat(done.cause()).as(file).isEqualTo(expected.get("cause").asText());
    }
    if (expected.has("events")) {
      List<String> types =
          sfn.getExecutionHistoryPaginator(r -> r.executionArn(execution)).events().stream()
              .map(HistoryEvent::typeAsString)
              .toList();
      List<String> wanted = new java.util.ArrayList<>();
      expected.get("events").forEach(t -> wanted.add(t.asText()));
      assertThat(types).as(file).isEqualTo(wanted);
    }
  }
}
