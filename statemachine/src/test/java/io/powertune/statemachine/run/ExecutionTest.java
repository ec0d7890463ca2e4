package io.powertune.statemachine.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.statemachine.definition.DefinitionParser;
import io.powertune.statemachine.definition.StateMachineDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Event numbering, stopping, and resuming from a checkpoint. */
class ExecutionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);
  private final List<HistoryEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> checkpoints = new CopyOnWriteArrayList<>();
  private final ExecutionInfo info =
      new ExecutionInfo(
          "arn:aws:states:us-east-1:000000000000:execution:m:e",
          "e",
          "arn:aws:states:us-east-1:000000000000:stateMachine:m",
          "m",
          "arn:aws:iam::000000000000:role/r",
          Instant.parse("2026-11-22T10:00:00Z"),
          JSON.createObjectNode().put("n", 1),
          "us-east-1");

  @AfterEach
  void close() {
    workers.shutdownNow();
    timer.shutdownNow();
  }

  /** The execution's info with another start time and input. */
  private ExecutionInfo info(Instant startTime, JsonNode input) {
    return new ExecutionInfo(
        info.executionArn(),
        info.name(),
        info.stateMachineArn(),
        info.stateMachineName(),
        info.roleArn(),
        startTime,
        input,
        info.region());
  }

  private Interpreter interpreter(Sleeper sleeper) {
    return new Interpreter(
        new CorpusFunctions(),
        sleeper,
        Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC),
        new Random(1),
        workers,
        timer);
  }

  private static StateMachineDefinition definition(String json) {
    return DefinitionParser.parse(json);
  }

  private static final String TWO_PASSES_AND_A_MAP =
      "{\"StartAt\":\"A\",\"States\":{"
          + "\"A\":{\"Type\":\"Pass\",\"Result\":[1,2],\"ResultPath\":\"$.items\",\"Next\":\"M\"},"
          + "\"M\":{\"Type\":\"Map\",\"ItemsPath\":\"$.items\",\"ResultPath\":\"$.out\","
          + "\"ItemProcessor\":{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},"
          + "\"Next\":\"B\"},"
          + "\"B\":{\"Type\":\"Pass\",\"End\":true}}}";

  @Test
  void events_areNumberedFromOne_andLinkedWithinTheirLine() {
    ExecutionOutcome outcome =
        interpreter(d -> {})
            .start(
                definition(TWO_PASSES_AND_A_MAP),
                info,
                events::add,
                (state, input, id) -> checkpoints.add(state))
            .run();

    assertThat(outcome.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(outcome.output()).isEqualTo("{\"n\":1,\"items\":[1,2],\"out\":[1,2]}");
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).id()).isEqualTo(i + 1);
      assertThat(events.get(i).previousEventId()).isLessThan(events.get(i).id());
    }
    assertThat(events.get(0).type()).isEqualTo("ExecutionStarted");
    assertThat(events.get(0).previousEventId()).isZero();
    assertThat(events.get(1).previousEventId()).as("the first state also follows 0").isZero();
    HistoryEvent mapStarted =
        events.stream().filter(e -> e.type().equals("MapStateStarted")).findFirst().orElseThrow();
    assertThat(
            events.stream()
                .filter(e -> e.type().equals("MapIterationStarted"))
                .map(HistoryEvent::previousEventId))
        .as("each iteration starts after MapStateStarted")
        .containsOnly(mapStarted.id());
    assertThat(checkpoints)
        .as("only top-level states are checkpoints")
        .containsExactly("A", "M", "B");
  }

  @Test
  void aDistributedMap_namesItsMapRunByLabel_andExitsAfterTheRun() {
    String definition =
        "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"Label\":\"Orders\","
            + "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\","
            + "\"ExecutionType\":\"STANDARD\"},\"StartAt\":\"P\","
            + "\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}";

    ExecutionOutcome outcome =
        interpreter(d -> {})
            .start(
                definition(definition),
                info(info.startTime(), JSON.createArrayNode().add(1)),
                events::add,
                Checkpoints.NONE)
            .run();

    assertThat(outcome.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    HistoryEvent started = event("MapRunStarted");
    assertThat(started.details().path("mapRunStartedEventDetails").path("mapRunArn").asText())
        .matches("arn:aws:states:us-east-1:000000000000:mapRun:m/Orders:[0-9a-f-]{36}");
    assertThat(event("MapStateExited").previousEventId())
        .as("as on AWS, MapStateExited follows MapRunSucceeded")
        .isEqualTo(event("MapRunSucceeded").id());
  }

  private HistoryEvent event(String type) {
    return events.stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow();
  }

  @Test
  void stop_abortsAWaitingExecution_withItsErrorAndCause() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    Sleeper blocking =
        d -> {
          waiting.countDown();
          new CountDownLatch(1).await();
        };
    Execution execution =
        interpreter(blocking)
            .start(
                definition(
                    "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,"
                        + "\"End\":true}}}"),
                info,
                events::add,
                Checkpoints.NONE);
    CompletableFuture<ExecutionOutcome> running = CompletableFuture.supplyAsync(execution::run);
    waiting.await();

    boolean stopped = execution.stop("Operator", "no longer needed");
    ExecutionOutcome outcome = running.get();

    assertThat(stopped).isTrue();
    assertThat(outcome)
        .isEqualTo(
            new ExecutionOutcome(ExecutionStatus.ABORTED, null, "Operator", "no longer needed"));
    HistoryEvent last = events.get(events.size() - 1);
    assertThat(events.get(events.size() - 2).type()).isEqualTo("WaitStateAborted");
    assertThat(last.type()).isEqualTo("ExecutionAborted");
    assertThat(last.details().path("executionAbortedEventDetails").path("cause").asText())
        .isEqualTo("no longer needed");
    assertThat(execution.stop("again", null)).as("an ended execution stays ended").isFalse();
  }

  private static final Sleeper FOREVER = d -> new CountDownLatch(1).await();

  @Test
  void aFailingBranch_stopsTheOthers_andNothingIsRecordedAfterTheEnd() {
    String definition =
        "{\"StartAt\":\"Par\",\"States\":{\"Par\":{\"Type\":\"Parallel\",\"End\":true,"
            + "\"Branches\":["
            + "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":600,"
            + "\"End\":true}}},"
            + "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"Broke\"}}}"
            + "]}}}";

    ExecutionOutcome outcome =
        interpreter(FOREVER)
            .start(definition(definition), info, events::add, Checkpoints.NONE)
            .run();

    assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(outcome.error()).isEqualTo("Broke");
    List<String> types = new ArrayList<>();
    events.forEach(e -> types.add(e.type()));
    assertThat(types)
        .endsWith("ParallelStateFailed", "ExecutionFailed")
        .doesNotContain("WaitStateExited");
  }

  @Test
  void aFaultOfThePort_failsTheExecution_insteadOfLeavingItRunning() {
    Interpreter broken =
        new Interpreter(
            call -> {
              throw new IllegalStateException("the platform broke");
            },
            d -> {},
            Clock.systemUTC(),
            new Random(1),
            workers,
            timer);
    String task =
        "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":"
            + "\"arn:aws:lambda:us-east-1:000000000000:function:f\",\"End\":true}}}";

    ExecutionOutcome outcome =
        broken.start(definition(task), info, events::add, Checkpoints.NONE).run();

    assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(events.get(events.size() - 1).type()).isEqualTo("ExecutionFailed");
  }

  @Test
  void theExecutionTimeout_countsFromTheStart_notFromAResume() {
    String waiting =
        "{\"TimeoutSeconds\":5,\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\","
            + "\"Seconds\":600,\"End\":true}}}";
    ExecutionInfo startedLongAgo = info(Instant.parse("2026-11-22T09:59:50Z"), info.input());

    ExecutionOutcome outcome =
        interpreter(FOREVER)
            .resume(
                definition(waiting),
                startedLongAgo,
                events::add,
                Checkpoints.NONE,
                3,
                "W",
                info.input(),
                null)
            .run();

    assertThat(outcome.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(events.get(events.size() - 1).type()).isEqualTo("ExecutionTimedOut");
  }

  @Test
  void aStateOutputOver256KiB_failsWithDataLimitExceeded() {
    ExecutionInfo large =
        info(info.startTime(), JSON.createObjectNode().put("text", "x".repeat(262_144)));

    ExecutionOutcome outcome =
        interpreter(d -> {})
            .start(
                definition(
                    "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}"),
                large,
                events::add,
                Checkpoints.NONE)
            .run();

    assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(outcome.error()).isEqualTo("States.DataLimitExceeded");
    assertThat(outcome.cause()).contains("'P'");
  }

  @Test
  void aResumedWait_waitsOnlyWhatIsLeft() {
    List<java.time.Duration> waits = new CopyOnWriteArrayList<>();
    String waiting =
        "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,"
            + "\"End\":true}}}";

    ExecutionOutcome outcome =
        interpreter(waits::add)
            .resume(
                definition(waiting),
                info,
                events::add,
                Checkpoints.NONE,
                3,
                "W",
                info.input(),
                Instant.parse("2026-11-22T09:59:15Z"))
            .run();

    assertThat(outcome.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(waits).containsExactly(java.time.Duration.ofSeconds(15));
  }

  @Test
  void stoppingAMap_abortsItsIterations_beforeTheExecutionEnds() throws Exception {
    CountDownLatch bothWaiting = new CountDownLatch(2);
    Sleeper blocking =
        d -> {
          bothWaiting.countDown();
          new CountDownLatch(1).await();
        };
    String map =
        "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"End\":true,"
            + "\"ItemProcessor\":{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\","
            + "\"Seconds\":600,\"End\":true}}}}}}";
    Execution execution =
        interpreter(blocking)
            .start(
                definition(map),
                info(info.startTime(), JSON.readTree("[1,2]")),
                events::add,
                Checkpoints.NONE);
    CompletableFuture<ExecutionOutcome> running = CompletableFuture.supplyAsync(execution::run);
    bothWaiting.await();

    execution.stop(null, null);
    ExecutionOutcome outcome = running.get();

    assertThat(outcome.status()).isEqualTo(ExecutionStatus.ABORTED);
    List<String> types = new ArrayList<>();
    events.forEach(e -> types.add(e.type()));
    assertThat(types).filteredOn("MapIterationAborted"::equals).hasSize(2);
    assertThat(types).filteredOn("WaitStateAborted"::equals).hasSize(2);
    assertThat(types).endsWith("MapStateAborted", "ExecutionAborted");
  }

  @Test
  void resume_reentersTheCheckpointedState_andNumbersEventsOn() throws Exception {
    JsonNode input = JSON.readTree("{\"n\":1,\"items\":[5]}");

    ExecutionOutcome outcome =
        interpreter(d -> {})
            .resume(
                definition(TWO_PASSES_AND_A_MAP),
                info,
                events::add,
                Checkpoints.NONE,
                7,
                "M",
                input,
                null)
            .run();

    assertThat(outcome.output()).isEqualTo("{\"n\":1,\"items\":[5],\"out\":[5]}");
    List<String> types = new ArrayList<>();
    events.forEach(e -> types.add(e.type()));
    assertThat(types.get(0)).isEqualTo("MapStateEntered");
    assertThat(events.get(0).id()).isEqualTo(8);
    assertThat(events.get(0).previousEventId()).isEqualTo(7);
    assertThat(types).doesNotContain("ExecutionStarted").endsWith("ExecutionSucceeded");
  }
}
