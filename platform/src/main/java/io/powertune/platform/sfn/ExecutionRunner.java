package io.powertune.platform.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.platform.http.JsonProtocol;
import io.powertune.platform.lambda.invoke.Invoker;
import io.powertune.statemachine.definition.DefinitionParser;
import io.powertune.statemachine.definition.StateMachineDefinition;
import io.powertune.statemachine.run.BranchThreads;
import io.powertune.statemachine.run.Checkpoints;
import io.powertune.statemachine.run.EventSink;
import io.powertune.statemachine.run.Execution;
import io.powertune.statemachine.run.ExecutionInfo;
import io.powertune.statemachine.run.ExecutionOutcome;
import io.powertune.statemachine.run.ExecutionStatus;
import io.powertune.statemachine.run.Interpreter;
import io.powertune.statemachine.run.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs executions on their own threads, records them through the journal, and after a restart
 * resumes those that were running from their last checkpoint.
 */
final class ExecutionRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutionRunner.class);

  /** The events that end an execution, and the status each gives it. */
  private static final Map<String, String> ENDS =
      Map.of(
          "ExecutionSucceeded", "SUCCEEDED",
          "ExecutionFailed", "FAILED",
          "ExecutionTimedOut", "TIMED_OUT",
          "ExecutionAborted", "ABORTED");

  private final SfnStore store;
  private final ExecutionJournal journal;
  private final Invoker invoker;
  private final Clock clock;
  private final ExecutorService executions = Executors.newCachedThreadPool(daemon("sfn-execution"));
  private final ExecutorService workers = Executors.newCachedThreadPool(daemon("sfn-worker"));

  /** The threads all executions' Map iterations and Parallel branches share. */
  private final BranchThreads branchThreads = new BranchThreads(BranchThreads.DEFAULT_LIMIT);

  private final ScheduledExecutorService timer = timer(daemon("sfn-timer"));
  private final Map<String, Execution> running = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Void>> ends = new ConcurrentHashMap<>();
  private final Map<String, Interpreter> interpreters = new ConcurrentHashMap<>();

  ExecutionRunner(SfnStore store, ExecutionJournal journal, Invoker invoker, Clock clock) {
    this.store = store;
    this.journal = journal;
    this.invoker = invoker;
    this.clock = clock;
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** A timer that forgets a cancelled execution timeout at once (it holds the execution). */
  private static ScheduledExecutorService timer(ThreadFactory threads) {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, threads);
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  private Interpreter interpreter(String account) {
    return interpreters.computeIfAbsent(
        account,
        a ->
            new Interpreter(
                new PlatformTaskPort(invoker, a),
                Sleeper.REAL,
                clock,
                new SecureRandom(),
                workers,
                timer,
                branchThreads));
  }

  /** Starts a stored, new execution. */
  void start(ExecutionRecord record, ExecutionInfo info, String account) {
    StateMachineDefinition definition = DefinitionParser.parse(record.definition());
    Execution execution =
        interpreter(account).start(definition, info, sink(record.arn()), checkpoints(record.arn()));
    launch(record.arn(), execution);
  }

  /** Resumes every execution the store has as running (after a restart). */
  void resumeAll(Function<ExecutionRecord, ExecutionInfo> infoOf) {
    for (ExecutionRecord record : store.running()) {
      try {
        ExecutionInfo info = infoOf.apply(record);
        List<SfnStore.StoredEvent> events = store.events(record.arn());
        StateMachineDefinition definition = DefinitionParser.parse(record.definition());
        String account = info.stateMachineArn().split(":")[4];
        if (events.isEmpty()) {
          launch(
              record.arn(),
              interpreter(account)
                  .start(definition, info, sink(record.arn()), checkpoints(record.arn())));
          continue;
        }
        SfnStore.StoredEvent lastEvent = events.get(events.size() - 1);
        if (ENDS.containsKey(lastEvent.type())) {
          finishFrom(record.arn(), lastEvent);
          continue;
        }
        long last = lastEvent.id();
        java.time.Instant enteredAt =
            events.stream()
                .filter(e -> e.id() == record.checkpointEventId())
                .map(SfnStore.StoredEvent::timestamp)
                .findFirst()
                .orElse(null);
        String state =
            record.checkpointState() == null
                ? definition.graph().startAt()
                : record.checkpointState();
        JsonNode input =
            JsonProtocol.MAPPER.readTree(
                record.checkpointInput() == null ? record.input() : record.checkpointInput());
        Execution execution =
            interpreter(account)
                .resume(
                    definition,
                    info,
                    sink(record.arn()),
                    checkpoints(record.arn()),
                    last,
                    state,
                    input,
                    record.checkpointState() == null ? null : enteredAt);
        LOG.info("resuming execution {} at state {}", record.arn(), state);
        launch(record.arn(), execution);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Stores the end an execution had recorded in its history before the platform stopped. */
  private void finishFrom(String arn, SfnStore.StoredEvent end) throws IOException {
    JsonNode details = JsonProtocol.MAPPER.readTree(end.details());
    JsonNode inner = details.isEmpty() ? details : details.elements().next();
    journal.add(
        new JournalEntry.Finish(
            arn,
            ENDS.get(end.type()),
            inner.hasNonNull("output") ? inner.get("output").asText() : null,
            inner.hasNonNull("error") ? inner.get("error").asText() : null,
            inner.hasNonNull("cause") ? inner.get("cause").asText() : null,
            end.timestamp()));
    journal.flush();
  }

  private void launch(String arn, Execution execution) {
    running.put(arn, execution);
    CompletableFuture<Void> end = new CompletableFuture<>();
    ends.put(arn, end);
    executions.submit(
        () -> {
          try {
            ExecutionOutcome outcome = execution.run();
            if (outcome.status() == ExecutionStatus.RUNNING) {
              return; // the platform is closing: resumed at its next start
            }
            journal.add(
                new JournalEntry.Finish(
                    arn,
                    outcome.status().name(),
                    outcome.output(),
                    outcome.error(),
                    outcome.cause(),
                    clock.instant()));
            journal.flush();
          } catch (RuntimeException e) {
            LOG.error("execution {} failed in the platform: {}", arn, e.toString());
          } finally {
            running.remove(arn);
            ends.remove(arn);
            end.complete(null);
          }
        });
  }

  /**
   * Stops a running execution and waits (briefly) until its end is stored; false when it is not
   * running here.
   */
  boolean stop(String arn, String error, String cause) {
    Execution execution = running.get(arn);
    CompletableFuture<Void> end = ends.get(arn);
    if (execution == null || end == null) {
      return false;
    }
    if (!execution.stop(error, cause)) {
      return true; // it is ending of its own accord
    }
    try {
      end.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("execution {} did not end in time after StopExecution", arn);
    }
    return true;
  }

  /**
   * Ends a stored execution no thread here runs (it could not be resumed) as ABORTED, with its
   * ExecutionAborted event.
   */
  void abortStored(String arn, String error, String cause) {
    journal.flush();
    List<SfnStore.StoredEvent> events = store.events(arn);
    long last = events.isEmpty() ? 0 : events.get(events.size() - 1).id();
    ObjectNode details = JsonProtocol.MAPPER.createObjectNode();
    ObjectNode inner = details.putObject("executionAbortedEventDetails");
    if (error != null) {
      inner.put("error", error);
    }
    if (cause != null) {
      inner.put("cause", cause);
    }
    journal.add(
        new JournalEntry.Event(
            arn, last + 1, last, clock.instant(), "ExecutionAborted", details.toString()));
    journal.add(new JournalEntry.Finish(arn, "ABORTED", null, error, cause, clock.instant()));
    journal.flush();
  }

  private EventSink sink(String arn) {
    return event ->
        journal.add(
            new JournalEntry.Event(
                arn,
                event.id(),
                event.previousEventId(),
                event.timestamp(),
                event.type(),
                event.details().toString()));
  }

  private Checkpoints checkpoints(String arn) {
    return (state, input, eventId) ->
        journal.add(new JournalEntry.Checkpoint(arn, state, input.toString(), eventId));
  }

  @Override
  public void close() {
    executions.shutdownNow();
    workers.shutdownNow();
    timer.shutdownNow();
  }
}
