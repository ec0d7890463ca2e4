package io.powertune.cli;

import io.powertune.tuner.input.TuningInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
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
    ExecutionFollower follower = new ExecutionFollower(sfn, clients.endpoint());
    ReportCounter counter =
        new ReportCounter(
            clients.logs(tuning.target().region()),
            tuning.target().name(),
            started.minusSeconds(1));
    try (ProgressDisplay display = display(tuning)) {
      String arn =
          sfn.startExecution(r -> r.stateMachineArn(stateMachine).name(name).input(input))
              .executionArn();
      interrupt.watch(arn);
      Runnable show =
          () ->
              display.update(
                  new ProgressDisplay.Snapshot(
                      counter.counts(),
                      done(arn, tuning),
                      Duration.between(started, clock.instant())));
      DescribeExecutionResponse execution = follower.awaitEnd(arn, show);
      show.run();
      return execution;
    } finally {
      interrupt.finished();
    }
  }

  /** The sizes whose Map iteration has ended, from the execution's history. */
  private Set<Integer> done(String arn, TuningInput tuning) {
    Set<Integer> done = new HashSet<>();
    for (HistoryEvent event :
        sfn.getExecutionHistoryPaginator(r -> r.executionArn(arn).includeExecutionData(false))
            .events()) {
      var details = event.mapIterationSucceededEventDetails();
      if (details == null) {
        details = event.mapIterationFailedEventDetails();
      }
      if (details != null
          && details.index() != null
          && details.index() < tuning.powerValues().size()) {
        done.add(tuning.powerValues().get(details.index()));
      }
    }
    return done;
  }

  /** A bar when standard error is a terminal, plain lines otherwise. */
  private ProgressDisplay display(TuningInput tuning) {
    return stderrIsATerminal()
        ? new BarProgress(tuning.powerValues(), tuning.invocationsPerSize())
        : new LineProgress(err, tuning.powerValues(), tuning.invocationsPerSize());
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
