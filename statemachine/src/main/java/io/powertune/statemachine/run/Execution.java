package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.statemachine.ErrorNames;
import io.powertune.statemachine.StatesError;
import io.powertune.statemachine.definition.StateMachineDefinition;
import io.powertune.statemachine.states.Graph;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One run of a state machine: from its start, or from a checkpoint after a restart. {@link #run()}
 * runs it on the calling thread; {@link #stop} ends it from any thread.
 */
public final class Execution {

  /** Why the execution ended early. */
  private record Stop(ExecutionStatus status, String error, String cause) {}

  private final StateMachineDefinition definition;
  private final RunContext run;
  private final Interpreter interpreter;
  private final String resumeState;
  private final JsonNode resumeInput;
  private final long lastEventId;
  private final Instant resumeEnteredAt;
  private volatile Stop stop;
  private volatile Thread thread;

  Execution(
      Interpreter interpreter,
      StateMachineDefinition definition,
      ExecutionInfo info,
      EventSink sink,
      Checkpoints checkpoints,
      long lastEventId,
      String resumeState,
      JsonNode resumeInput,
      Instant resumeEnteredAt) {
    this.resumeEnteredAt = resumeEnteredAt;
    this.interpreter = interpreter;
    this.definition = definition;
    this.resumeState = resumeState;
    this.resumeInput = resumeInput;
    this.lastEventId = lastEventId;
    this.run =
        new RunContext(
            info,
            new EventLog(
                sink,
                interpreter.clock(),
                lastEventId,
                () ->
                    end(
                        new Stop(
                            ExecutionStatus.FAILED,
                            ErrorNames.RUNTIME,
                            "The execution reached the maximum number of history events ("
                                + EventLog.MAX_EVENTS
                                + ")."))),
            interpreter.port(),
            interpreter.sleeper(),
            interpreter.clock(),
            interpreter.random(),
            interpreter.workers(),
            interpreter.branchThreads(),
            checkpoints,
            this);
  }

  boolean stopping() {
    return stop != null;
  }

  /**
   * Stops the execution: it ends ABORTED with this error and cause (either may be null).
   *
   * @return false when it had already ended or been stopped
   */
  public boolean stop(String error, String cause) {
    return end(new Stop(ExecutionStatus.ABORTED, error, cause));
  }

  private synchronized boolean end(Stop reason) {
    if (stop != null) {
      return false;
    }
    stop = reason;
    Thread running = thread;
    if (running != null && running != Thread.currentThread()) {
      running.interrupt();
    }
    return true;
  }

  /**
   * Runs the execution to its end on this thread and records the last event; an interrupt without
   * {@link #stop} leaves it RUNNING, to be resumed.
   */
  public ExecutionOutcome run() {
    thread = Thread.currentThread();
    Cursor cursor = new Cursor(lastEventId);
    ScheduledFuture<?> timeout = null;
    try {
      if (resumeState == null) {
        ObjectNode started = Details.none();
        Details.data(started, "input", run.info().input());
        started.put("roleArn", run.info().roleArn());
        cursor.moveTo(
            run.log()
                .append(
                    cursor,
                    "ExecutionStarted",
                    Details.wrap("executionStartedEventDetails", started)));
        cursor.moveTo(0); // the first state's Entered event also has previousEventId 0
      }
      if (definition.timeoutSeconds() != null) {
        long left =
            definition.timeoutSeconds() * 1000L
                - java.time.Duration.between(run.info().startTime(), run.clock().instant())
                    .toMillis();
        timeout =
            interpreter
                .timer()
                .schedule(
                    () ->
                        end(
                            new Stop(
                                ExecutionStatus.TIMED_OUT,
                                "States.Timeout",
                                "The execution timed out after "
                                    + definition.timeoutSeconds()
                                    + " seconds")),
                    Math.max(0, left),
                    TimeUnit.MILLISECONDS);
      }
      Graph graph = definition.graph();
      JsonNode output =
          GraphRunner.run(
              run,
              graph,
              resumeState == null ? graph.startAt() : resumeState,
              resumeState == null ? run.info().input() : resumeInput,
              cursor,
              null,
              true,
              resumeEnteredAt);
      if (!end(new Stop(ExecutionStatus.SUCCEEDED, null, null))) {
        return stopped(cursor);
      }
      ObjectNode succeeded = Details.none();
      Details.data(succeeded, "output", output);
      run.log()
          .append(
              cursor,
              "ExecutionSucceeded",
              Details.wrap("executionSucceededEventDetails", succeeded));
      return new ExecutionOutcome(ExecutionStatus.SUCCEEDED, output.toString(), null, null);
    } catch (StoppedException e) {
      return stopped(cursor);
    } catch (StatesError e) {
      return failed(cursor, e.error(), e.cause());
    } catch (RuntimeException e) {
      // a fault of the platform, not of the definition: the execution fails, it does not hang
      return failed(cursor, ErrorNames.RUNTIME, "Internal error: " + e);
    } finally {
      if (timeout != null) {
        timeout.cancel(false);
      }
      thread = null;
      Thread.interrupted(); // a late stop must not leak into the caller's thread
    }
  }

  private ExecutionOutcome failed(Cursor cursor, String error, String cause) {
    if (!end(new Stop(ExecutionStatus.FAILED, error, cause))) {
      return stopped(cursor);
    }
    run.log()
        .append(
            cursor,
            "ExecutionFailed",
            Details.errorCause("executionFailedEventDetails", error, cause));
    return new ExecutionOutcome(ExecutionStatus.FAILED, null, error, cause);
  }

  /**
   * The outcome of a stopped run: ABORTED or TIMED_OUT with its event, FAILED when its history was
   * full, or RUNNING (nothing recorded) when the thread was interrupted without a stop, as when the
   * platform shuts down and resumes the execution later.
   */
  private ExecutionOutcome stopped(Cursor cursor) {
    Stop reason = stop;
    if (reason == null) {
      return new ExecutionOutcome(ExecutionStatus.RUNNING, null, null, null);
    }
    if (reason.status() == ExecutionStatus.FAILED) {
      run.log()
          .append(
              cursor,
              "ExecutionFailed",
              Details.errorCause("executionFailedEventDetails", reason.error(), reason.cause()));
      return new ExecutionOutcome(ExecutionStatus.FAILED, null, reason.error(), reason.cause());
    }
    boolean timedOut = reason.status() == ExecutionStatus.TIMED_OUT;
    run.log()
        .append(
            cursor,
            timedOut ? "ExecutionTimedOut" : "ExecutionAborted",
            Details.errorCause(
                timedOut ? "executionTimedOutEventDetails" : "executionAbortedEventDetails",
                reason.error(),
                reason.cause()));
    return new ExecutionOutcome(reason.status(), null, reason.error(), reason.cause());
  }
}
