package io.powertune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.tuner.TunerJson;
import io.powertune.tuner.input.TuningInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * One tuning execution followed to its end: started, watched for Ctrl-C, its progress shown from
 * its history (which sizes are done) and from the function's log (how many invocations of each size
 * reported).
 */
final class TuningRun {

  private final SfnClient sfn;
  private final ServiceClients clients;
  private final String tunerRegion;
  private final Clock clock;
  private final PrintWriter err;
  private final Map<Integer, Integer> doneSoFar = new HashMap<>();
  private long lastEventId;
  private long lastHistory;
  private boolean historyRead;

  /** How often the history is read while the run goes on. */
  private static final Duration READ_EVERY = Duration.ofSeconds(1);

  TuningRun(
      SfnClient sfn, ServiceClients clients, String tunerRegion, Clock clock, PrintWriter err) {
    this.sfn = sfn;
    this.clients = clients;
    this.tunerRegion = tunerRegion;
    this.clock = clock;
    this.err = err;
  }

  /** Starts the execution and returns it once it has ended. */
  DescribeExecutionResponse run(String stateMachine, String name, String input, TuningInput tuning)
      throws InterruptedException {
    StopOnInterrupt interrupt =
        new StopOnInterrupt(sfn, clients.lambda(tunerRegion), clients::lambda, err);
    Instant started = clock.instant();
    ExecutionFollower follower = new ExecutionFollower(sfn, clients.where());
    ReportCounter counter =
        new ReportCounter(
            clients.logs(tuning.target().region()),
            tuning.target().name(),
            started.minusSeconds(1));
    try (ProgressDisplay display = display(tuning)) {
      String arn =
          sfn.startExecution(r -> r.stateMachineArn(stateMachine).name(name).input(input))
              .executionArn();
      err.println("powertune: execution " + arn);
      err.flush();
      interrupt.watch(arn, CleanerOf.stateMachine(sfn, stateMachine));
      Runnable show =
          () -> {
            Map<Integer, Integer> done = done(arn);
            Map<Integer, Integer> measured = new HashMap<>(counter.counts());
            measured.putAll(done); // a size's own count, once it is done, is the exact one
            display.update(
                new ProgressDisplay.Snapshot(
                    measured, done.keySet(), Duration.between(started, clock.instant())));
          };
      DescribeExecutionResponse execution = follower.awaitEnd(arn, show);
      historyRead = false; // a last look, at what the end added
      show.run();
      return execution;
    } finally {
      interrupt.finished();
    }
  }

  /**
   * The sizes measured so far and how many invocations each took, from the execution's history: the
   * result each size's iteration ends with ({@code SizeMeasured}), or a race's round ({@code
   * Racer}). Reads only the events since the last look, newest first until one already seen.
   */
  private Map<Integer, Integer> done(String arn) {
    long now = System.nanoTime();
    if (historyRead && now - lastHistory < READ_EVERY.toNanos()) {
      return Map.copyOf(doneSoFar);
    }
    historyRead = true;
    lastHistory = now;
    List<HistoryEvent> fresh = new ArrayList<>();
    for (HistoryEvent event :
        sfn.getExecutionHistoryPaginator(r -> r.executionArn(arn).reverseOrder(true)).events()) {
      if (event.id() <= lastEventId) {
        break;
      }
      fresh.add(event);
    }
    Collections.reverse(fresh);
    for (HistoryEvent event : fresh) {
      lastEventId = Math.max(lastEventId, event.id());
      var exited = event.stateExitedEventDetails();
      if (exited == null || exited.output() == null) {
        continue;
      }
      try {
        if ("SizeMeasured".equals(exited.name())) {
          JsonNode size = TunerJson.MAPPER.readTree(exited.output());
          doneSoFar.put(size.path("value").asInt(), size.path("invocations").asInt());
        } else if ("Racer".equals(exited.name())) {
          raceDone(TunerJson.MAPPER.readTree(exited.output()).path("race"), doneSoFar);
        }
      } catch (IOException e) {
        // not a size's result: not ours to count
      }
    }
    return Map.copyOf(doneSoFar);
  }

  /**
   * In a race, the sizes out of it after a round (dropped, or unusable) and not measured in the
   * next, with the invocations each had; every size once the race is over. A dropped size measured
   * again (balanced's slowest and costliest size follow the pick) is in progress again.
   */
  static void raceDone(JsonNode race, Map<Integer, Integer> done) {
    boolean over = race.path("done").asBoolean();
    for (JsonNode item : race.path("items")) {
      done.remove(item.path("value").asInt());
    }
    for (Map.Entry<String, JsonNode> size : race.path("sizes").properties()) {
      int memory = Integer.parseInt(size.getKey());
      if (over
          || race.path("dropped").has(size.getKey())
          || size.getValue().hasNonNull("unsuitable")) {
        done.put(memory, size.getValue().path("samples").size());
      }
    }
  }

  /** A bar when standard error is a terminal, plain lines otherwise. */
  private ProgressDisplay display(TuningInput tuning) {
    return stderrIsATerminal()
        ? new BarProgress(tuning.powerValues(), tuning.invocationsPerSize(), tuning.adaptive())
        : new LineProgress(
            err, tuning.powerValues(), tuning.invocationsPerSize(), tuning.adaptive());
  }

  private static boolean stderrIsATerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
