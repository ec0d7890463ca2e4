package io.powertune.tuner.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.analyzer.pricing.Architecture;
import io.powertune.analyzer.pricing.PriceCatalogs;
import io.powertune.analyzer.tuning.SizeResult;
import io.powertune.analyzer.tuning.SizeResults;
import io.powertune.analyzer.tuning.SizeSamples;
import io.powertune.tuner.TunerJson;
import io.powertune.tuner.aws.AwsClients;
import io.powertune.tuner.aws.S3Payloads;
import io.powertune.tuner.aws.TargetFunction;
import io.powertune.tuner.execute.Batch;
import io.powertune.tuner.execute.Deadline;
import io.powertune.tuner.execute.Invocations;
import io.powertune.tuner.execute.Outcome;
import io.powertune.tuner.execute.Progress;
import io.powertune.tuner.execute.Sample;
import io.powertune.tuner.execute.Sleeper;
import io.powertune.tuner.input.Payloads;
import io.powertune.tuner.input.TuningInput;
import io.powertune.tuner.input.TuningInputReader;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * The Executor step: measures one memory size. Its input is the Map item ({@code input}: the
 * execution state, {@code value}: the size) plus, on a later call, its own {@code progress}; it
 * runs the invocations not measured yet until they are all done, the size proves unsuitable, or the
 * call's time runs out, and returns its progress. Once done, the progress carries the size's {@link
 * SizeResult}.
 */
public final class Executor {

  /** Calls in a row without a single invocation run, after which the size is given up. */
  static final int MAX_STALLED_CALLS = 5;

  private final AwsClients clients;
  private final Clock clock;
  private final Sleeper sleeper;

  public Executor(AwsClients clients, Clock clock, Sleeper sleeper) {
    this.clients = clients;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Runs one call.
   *
   * @param remainingMs the time this call may take (its Lambda time left)
   */
  public Progress run(JsonNode event, long remainingMs) throws IOException, InterruptedException {
    // first: everything this call does, preparing included, counts against its time
    Deadline deadline = new Deadline(clock::millis, remainingMs);
    TuningInput input =
        TuningInputReader.read(
            event.path("input"),
            clients.environment().defaultPowerValues(),
            clients.environment().region());
    int memory = event.path("value").asInt(0);
    if (!input.powerValues().contains(memory)) {
      throw new InvalidInputException(
          "value",
          "expected one of powerValues " + input.powerValues() + ", got " + event.get("value"));
    }
    Progress progress =
        event.hasNonNull("progress")
            ? TunerJson.MAPPER.treeToValue(event.get("progress"), Progress.class)
            : Progress.start();
    if (progress.done()) {
      return progress;
    }
    int wanted = wanted(event, input);
    String architecture =
        progress.architecture() != null ? progress.architecture() : prepare(input, memory);
    List<String> payloads = payloads(input);
    Invocations invocations =
        new Invocations(
            clients,
            input,
            memory,
            payloads,
            deadline,
            sleeper,
            () -> ThreadLocalRandom.current().nextDouble(),
            clock::millis);
    Batch batch =
        input.parallelInvocation()
            ? new Batch(
                ParallelRuns.run(
                    pending(wanted, progress), invocations, input.maxParallelInvocations()),
                0,
                false)
            : serial(pending(wanted, progress), invocations, input, deadline, progress);
    return next(input, wanted, memory, architecture, progress, batch);
  }

  /** On the first call: the version's architecture, once it is Active (SnapStart takes a while). */
  private String prepare(TuningInput input, int memory) {
    TargetFunction target =
        new TargetFunction(clients.lambda(input.target().region()), input.target().unqualified());
    String alias = input.alias(memory, 0);
    GetFunctionConfigurationResponse configuration = target.configuration(alias);
    if (configuration.state() == State.PENDING) {
      target.waitUntilActive(alias);
    }
    return configuration.architecturesAsStrings().isEmpty()
        ? Architecture.X86_64.apiName()
        : configuration.architecturesAsStrings().get(0);
  }

  private List<String> payloads(TuningInput input) {
    JsonNode payload =
        input.payloadS3() == null ? input.payload() : S3Payloads.fetch(clients, input.payloadS3());
    List<String> laidOut =
        Payloads.generate(
            payload, input.num(), input.payloadS3() == null ? "payload" : "payloadS3");
    // a race runs a size's first indices only: each must see every payload in its share
    return input.adaptive() ? Payloads.spread(laidOut) : laidOut;
  }

  /**
   * The invocations the size should have had when this measurement is done: in a race, the round's
   * {@code target} (at most {@code maxNum}); else every one of the run.
   */
  private static int wanted(JsonNode event, TuningInput input) {
    if (!input.adaptive() || !event.has("target")) {
      return input.invocationsPerSize();
    }
    int target = event.path("target").asInt(0);
    if (target < 1 || target > input.num()) {
      throw new InvalidInputException(
          "target",
          "expected a whole number from 1 to " + input.num() + ", got " + event.get("target"));
    }
    return target;
  }

  private static List<Integer> pending(int wanted, Progress progress) {
    Set<Integer> done = new HashSet<>();
    progress.measuredSoFar().forEach(s -> done.add(s.i()));
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < wanted; i++) {
      if (!done.contains(i)) {
        pending.add(i);
      }
    }
    return pending;
  }

  /**
   * Runs the invocations one after the other, pausing {@code sleepBetweenRunsMs} between them. A
   * pause that does not fit in this call is taken as far as it fits and the rest is owed: the next
   * call pauses for it first.
   */
  private Batch serial(
      List<Integer> pending,
      Invocations invocations,
      TuningInput input,
      Deadline deadline,
      Progress progress)
      throws InterruptedException {
    List<Outcome> outcomes = new ArrayList<>();
    long owed = progress.pauseOwedMs();
    boolean paused = false;
    for (int index : pending) {
      if (owed > 0) {
        long now = Math.min(owed, deadline.waitableMs());
        if (now > 0) {
          sleeper.sleep(Duration.ofMillis(now));
          owed -= now;
          paused = true;
        }
        if (owed > 0) {
          break;
        }
      }
      Outcome outcome = invocations.run(index);
      outcomes.add(outcome);
      if (!(outcome instanceof Outcome.Measured)) {
        break;
      }
      owed = input.sleepBetweenRunsMs();
    }
    return new Batch(outcomes, owed, paused);
  }

  private Progress next(
      TuningInput input,
      int wanted,
      int memory,
      String architecture,
      Progress progress,
      Batch batch) {
    List<Sample> samples = new ArrayList<>(progress.measuredSoFar());
    String unsuitable = progress.unsuitable();
    for (Outcome outcome : batch.outcomes()) {
      if (outcome instanceof Outcome.Measured measured) {
        samples.add(measured.sample());
      } else if (outcome instanceof Outcome.Failed failed) {
        samples.add(failed.sample());
        unsuitable = unsuitable == null ? failed.reason() : unsuitable;
      }
    }
    samples.sort(Comparator.comparingInt(Sample::i));
    int calls = progress.calls() + 1;
    int stalled = batch.moved() ? 0 : progress.stalledCalls() + 1;
    if (stalled >= MAX_STALLED_CALLS && unsuitable == null) {
      unsuitable =
          "throttled: "
              + stalled
              + " Executor calls in a row could not run a single invocation; lower"
              + " maxParallelInvocations or raise the function's concurrency";
    }
    boolean complete = unsuitable != null || samples.size() >= wanted;
    if (!complete) {
      return new Progress(
          false, null, samples, architecture, null, calls, stalled, batch.pauseOwedMs());
    }
    SizeResult result =
        SizeResults.of(
            new SizeSamples(
                memory,
                samples.stream().filter(Sample::counts).map(Sample::report).toList(),
                samples.stream().filter(s -> !s.counts()).map(Sample::report).toList(),
                errorTypes(samples),
                unsuitable,
                calls,
                samples.stream().mapToInt(Sample::throttles).sum(),
                samples.stream().mapToInt(Sample::reruns).sum()),
            input.discardTopBottom(),
            Architecture.fromApiName(architecture, "architecture"),
            input.target().region(),
            PriceCatalogs.defaults());
    // a race's next round goes on from this round's samples
    return new Progress(
        true, result, input.adaptive() ? samples : null, architecture, unsuitable, calls, 0, 0);
  }

  private static Map<String, Integer> errorTypes(List<Sample> samples) {
    Map<String, Integer> types = new LinkedHashMap<>();
    for (Sample sample : samples) {
      if (sample.error() != null) {
        types.merge(sample.error(), 1, Integer::sum);
      }
    }
    return types;
  }
}
