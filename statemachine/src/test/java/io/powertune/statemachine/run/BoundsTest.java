package io.powertune.statemachine.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.statemachine.definition.DefinitionParser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a definition that fans out or loops without end gets: inline Maps run at most 40 iterations
 * at once, all executions' branches share a bounded set of threads, and a history stops at 25,000
 * events with the execution failed.
 */
class BoundsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);
  private final List<HistoryEvent> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    workers.shutdownNow();
    timer.shutdownNow();
  }

  /**
   * Counts the calls in flight at once; each holds its thread for a moment, as a function would.
   */
  private static final class Concurrency implements TaskPort {
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    @Override
    public LambdaResult invoke(LambdaCall call) throws InterruptedException {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(2); // the function's work, not a wait for another thread
        return new LambdaResult(200, null, "1", "$LATEST", "r", null);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  private ExecutionOutcome run(String definition, TaskPort port, BranchThreads threads) {
    Interpreter interpreter =
        new Interpreter(port, d -> {}, Clock.systemUTC(), new Random(1), workers, timer, threads);
    return interpreter
        .start(
            DefinitionParser.parse(definition),
            new ExecutionInfo(
                "arn:aws:states:us-east-1:000000000000:execution:m:e",
                "e",
                "arn:aws:states:us-east-1:000000000000:stateMachine:m",
                "m",
                "arn:aws:iam::000000000000:role/r",
                Instant.now(),
                JSON.createObjectNode(),
                "us-east-1"),
            events::add,
            (state, input, id) -> {})
        .run();
  }

  private static String mapOf(int items, String processor) {
    return "{\"StartAt\":\"Items\",\"States\":{"
        + "\"Items\":{\"Type\":\"Pass\",\"Parameters\":{\"items.$\":\"States.ArrayRange(1, "
        + items
        + ", 1)\"},\"Next\":\"M\"},"
        + "\"M\":{\"Type\":\"Map\",\"ItemsPath\":\"$.items\",\"MaxConcurrency\":0,"
        + "\"ResultPath\":null,\"ItemProcessor\":"
        + processor
        + ",\"End\":true}}}";
  }

  private static final String TASK =
      "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
          + "\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:f\",\"End\":true}}}";

  @Test
  void inlineMap_runsAtMost40IterationsAtOnce() {
    Concurrency port = new Concurrency();

    ExecutionOutcome outcome = run(mapOf(200, TASK), port, new BranchThreads(1000));

    assertThat(outcome.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(port.most.get()).isLessThanOrEqualTo(MapRunner.INLINE_CONCURRENCY);
  }

  @Test
  void nestedMaps_shareTheBoundedThreads_andStillFinish() {
    Concurrency port = new Concurrency();

    ExecutionOutcome outcome =
        run(
            mapOf(20, "{\"StartAt\":\"Items\",\"States\":" + nested(20) + "}"),
            port,
            new BranchThreads(4));

    assertThat(outcome.status()).as(outcome.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    // four shared threads and the execution's own: at most five calls at once
    assertThat(port.most.get()).isLessThanOrEqualTo(5);
    assertThat(events.stream().filter(e -> e.type().equals("TaskStateEntered"))).hasSize(400);
  }

  /** The States of an item processor that maps 20 items over the task. */
  private static String nested(int items) {
    String map = mapOf(items, TASK);
    return map.substring("{\"StartAt\":\"Items\",\"States\":".length(), map.length() - 1);
  }

  @Test
  void endlessLoop_failsAtTheHistorysLimit_withTheLastEventItsFailure() {
    // a loop whose way out is never taken (a definition without any end is refused)
    String loop =
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},"
            + "\"B\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.never\","
            + "\"IsPresent\":true,\"Next\":\"Done\"}],\"Default\":\"A\"},"
            + "\"Done\":{\"Type\":\"Succeed\"}}}";

    ExecutionOutcome outcome = run(loop, new Concurrency(), new BranchThreads(4));

    assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(outcome.error()).isEqualTo("States.Runtime");
    assertThat(outcome.cause())
        .isEqualTo("The execution reached the maximum number of history events (25000).");
    assertThat(events).hasSize(EventLog.MAX_EVENTS);
    assertThat(events.get(events.size() - 1).type()).isEqualTo("ExecutionFailed");
  }

  @Test
  void mapOutputs_pastTheDataLimit_stopTheMapAsTheyArrive() {
    AtomicInteger calls = new AtomicInteger();
    String big = "\"" + "x".repeat(100_000) + "\"";
    TaskPort port =
        call -> {
          calls.incrementAndGet();
          return new LambdaResult(200, null, big, "$LATEST", "r", null);
        };
    String definition =
        mapOf(200, TASK)
            .replace("\"MaxConcurrency\":0", "\"MaxConcurrency\":1")
            .replace("\"ResultPath\":null,", "");

    ExecutionOutcome outcome = run(definition, port, new BranchThreads(4));

    assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(outcome.error()).isEqualTo("States.DataLimitExceeded");
    assertThat(outcome.cause()).contains("'M'");
    assertThat(calls.get()).as("iterations started after the limit was passed").isLessThan(5);
  }
}
