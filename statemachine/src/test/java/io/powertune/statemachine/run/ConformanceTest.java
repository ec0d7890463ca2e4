package io.powertune.statemachine.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.statemachine.conformance.Corpus;
import io.powertune.statemachine.definition.DefinitionParser;
import io.powertune.statemachine.definition.InvalidDefinitionException;
import io.powertune.statemachine.definition.StateMachineDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every state machine of the conformance {@link Corpus}, run by the interpreter with the corpus
 * functions in process; the platform runs the same corpus over the Step Functions API.
 */
class ConformanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ExecutorService WORKERS = Executors.newCachedThreadPool();
  private static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(1);

  @AfterAll
  static void stop() {
    WORKERS.shutdownNow();
    TIMER.shutdownNow();
  }

  @TestFactory
  Stream<DynamicTest> corpus() throws Exception {
    List<String> cases = Corpus.cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
    return cases.stream().map(file -> DynamicTest.dynamicTest(file, () -> check(file)));
  }

  private static void check(String file) throws Exception {
    JsonNode spec = Corpus.read(file);
    JsonNode expected = spec.path("expected");
    StateMachineDefinition definition;
    try {
      definition = DefinitionParser.parse(spec.path("definition").toString());
    } catch (InvalidDefinitionException e) {
      assertThat(expected.path("status").asText())
          .as("%s: unexpected InvalidDefinition %s", file, e.problems())
          .isEqualTo("INVALID_DEFINITION");
      for (JsonNode problem : expected.path("problems")) {
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains(problem.asText()));
      }
      return;
    }
    List<HistoryEvent> events = new CopyOnWriteArrayList<>();
    Interpreter interpreter =
        new Interpreter(
            new CorpusFunctions(),
            duration -> {},
            Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC),
            new Random(7),
            WORKERS,
            TIMER);
    JsonNode input = spec.has("input") ? spec.get("input") : JSON.createObjectNode();
    ExecutionInfo info =
        new ExecutionInfo(
            "arn:aws:states:us-east-1:000000000000:execution:corpus:run-1",
            "run-1",
            "arn:aws:states:us-east-1:000000000000:stateMachine:corpus",
            "corpus",
            "arn:aws:iam::000000000000:role/corpus",
            Instant.parse("2026-11-22T10:00:00Z"),
            input,
            "us-east-1");
    ExecutionOutcome outcome =
        interpreter.start(definition, info, events::add, Checkpoints.NONE).run();

    assertThat(outcome.status().name())
        .as("%s: %s", file, outcome)
        .isEqualTo(expected.path("status").asText());
    if (expected.has("output")) {
      assertThat(JSON.readTree(outcome.output()))
          .as(file.toString())
          .isEqualTo(expected.get("output"));
    }
    if (expected.has("error")) {
      assertThat(outcome.error()).as(file.toString()).isEqualTo(expected.get("error").asText());
    }
    if (expected.has("cause")) {
      assertThat(outcome.cause()).as(file.toString()).isEqualTo(expected.get("cause").asText());
    }
    if (expected.has("events")) {
      List<String> types = new ArrayList<>();
      events.forEach(e -> types.add(e.type()));
      List<String> wanted = new ArrayList<>();
      expected.get("events").forEach(t -> wanted.add(t.asText()));
      assertThat(types).as(file.toString()).isEqualTo(wanted);
    }
  }
}
