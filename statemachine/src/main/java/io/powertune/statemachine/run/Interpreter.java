package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.statemachine.definition.StateMachineDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs state machines: Task calls go through the port, waits through the sleeper; time and
 * randomness are injected.
 */
public final class Interpreter {

  private final TaskPort port;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Random random;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final BranchThreads branchThreads;

  /**
   * @param workers runs Parallel branches, Map iterations and Tasks with a timeout (it must not
   *     bound its threads: nested Maps wait on each other)
   * @param timer fires execution timeouts
   */
  public Interpreter(
      TaskPort port,
      Sleeper sleeper,
      Clock clock,
      Random random,
      ExecutorService workers,
      ScheduledExecutorService timer) {
    this(
        port,
        sleeper,
        clock,
        random,
        workers,
        timer,
        new BranchThreads(BranchThreads.DEFAULT_LIMIT));
  }

  /**
   * @param branchThreads bounds the threads Map iterations and Parallel branches take, shared with
   *     other interpreters given the same
   */
  public Interpreter(
      TaskPort port,
      Sleeper sleeper,
      Clock clock,
      Random random,
      ExecutorService workers,
      ScheduledExecutorService timer,
      BranchThreads branchThreads) {
    this.branchThreads = branchThreads;
    this.port = port;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
    this.workers = workers;
    this.timer = timer;
  }

  /** A new execution from the start; {@link Execution#run()} runs it. */
  public Execution start(
      StateMachineDefinition definition,
      ExecutionInfo info,
      EventSink sink,
      Checkpoints checkpoints) {
    return new Execution(this, definition, info, sink, checkpoints, 0, null, null, null);
  }

  /**
   * An execution that continues by entering {@code state} again with {@code input}, its events
   * numbered after {@code lastEventId}.
   *
   * @param enteredAt when {@code state} was first entered (a Wait waits only what is left), or null
   */
  public Execution resume(
      StateMachineDefinition definition,
      ExecutionInfo info,
      EventSink sink,
      Checkpoints checkpoints,
      long lastEventId,
      String state,
      JsonNode input,
      Instant enteredAt) {
    return new Execution(
        this, definition, info, sink, checkpoints, lastEventId, state, input, enteredAt);
  }

  TaskPort port() {
    return port;
  }

  Sleeper sleeper() {
    return sleeper;
  }

  Clock clock() {
    return clock;
  }

  Random random() {
    return random;
  }

  ExecutorService workers() {
    return workers;
  }

  BranchThreads branchThreads() {
    return branchThreads;
  }

  ScheduledExecutorService timer() {
    return timer;
  }
}
