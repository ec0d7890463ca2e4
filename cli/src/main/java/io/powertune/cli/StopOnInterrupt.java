package io.powertune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.tuner.TunerFunctions;
import io.powertune.tuner.TunerJson;
import io.powertune.tuner.input.FunctionArn;
import io.powertune.tuner.steps.Configurations;
import io.powertune.tuner.steps.RunMarker;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Ctrl-C (or SIGTERM) during a tuning: stops the execution, then runs the workflow's Cleaner on
 * what the run had published (a stopped execution runs no Catch), and again until the function is
 * as it was (a step already under way when the execution stopped still finishes). The command waits
 * for this before it closes its clients and its platform.
 */
final class StopOnInterrupt {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int CLEANUPS = 5;

  private final SfnClient sfn;
  private final LambdaClient tunerLambda;
  private final Function<String, LambdaClient> targetLambda;
  private final PrintWriter err;
  private final AtomicReference<String> executionArn = new AtomicReference<>();
  private volatile String cleaner = TunerFunctions.cleaner().name();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread hook = new Thread(this::stop, "stop-tuning");

  /**
   * @param targetLambda a client for the region of the function tuned
   */
  StopOnInterrupt(
      SfnClient sfn,
      LambdaClient tunerLambda,
      Function<String, LambdaClient> targetLambda,
      PrintWriter err) {
    this.sfn = sfn;
    this.tunerLambda = tunerLambda;
    this.targetLambda = targetLambda;
    this.err = err;
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * The execution to stop, once it is started, and the Cleaner its state machine calls (its ARN: a
   * stack's functions have names of their own).
   */
  void watch(String arn, String cleanerFunction) {
    cleaner = cleanerFunction;
    executionArn.set(arn);
  }

  /**
   * The execution ended: nothing more to do on exit. When Ctrl-C came first, waits until the
   * stopping is done, so that nothing it needs is closed under it.
   */
  void finished() throws InterruptedException {
    if (stopping.compareAndSet(false, true)) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down; the hook sees that it has nothing to do
      }
      return;
    }
    stopped.await(3, TimeUnit.MINUTES);
  }

  private void stop() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    try {
      String arn = executionArn.get();
      if (arn != null) {
        err.println("powertune: stopping the tuning; the function is put back as it was...");
        err.flush();
        sfn.stopExecution(
            r -> r.executionArn(arn).error("Interrupted").cause("stopped with Ctrl-C"));
        awaitStopped(arn);
        err.println(cleanUp(arn));
      }
    } catch (RuntimeException | InterruptedException e) {
      err.println("powertune: stopping failed: " + e.getMessage());
    } finally {
      err.flush();
      stopped.countDown();
    }
  }

  private String cleanUp(String arn) throws InterruptedException {
    JsonNode state = lastState(arn);
    if (state == null) {
      return "powertune: stopped before anything was published";
    }
    ObjectNode event = JSON.createObjectNode();
    event.set("lambdaARN", state.get("lambdaARN"));
    event.set("lambdaConfigurations", state.get("lambdaConfigurations"));
    for (int attempt = 1; attempt <= CLEANUPS; attempt++) {
      var response =
          tunerLambda.invoke(
              r -> r.functionName(cleaner).payload(SdkBytes.fromUtf8String(event.toString())));
      if (response.functionError() != null) {
        return "powertune: stopped, but the cleanup failed: " + response.payload().asUtf8String();
      }
      if (asItWas(state)) {
        return "powertune: stopped; the run's aliases and versions are deleted and $LATEST is as"
            + " it was";
      }
      Thread.sleep(500); // a step under way when the execution stopped is still finishing
    }
    return "powertune: stopped, but the function still shows this run's changes; run again to"
        + " clean up, or remove its RAM<size> aliases";
  }

  /** True when no alias or version of the run remains and $LATEST is as the run found it. */
  private boolean asItWas(JsonNode state) {
    Configurations plan;
    try {
      plan = TunerJson.MAPPER.treeToValue(state.get("lambdaConfigurations"), Configurations.class);
    } catch (Exception e) {
      return true; // nothing to compare with
    }
    FunctionArn target =
        FunctionArn.parse(state.path("lambdaARN").asText(), "lambdaARN", "us-east-1");
    LambdaClient lambda = targetLambda.apply(target.region());
    String name = target.unqualified();
    boolean versions =
        lambda.listVersionsByFunctionPaginator(r -> r.functionName(name)).versions().stream()
            .noneMatch(v -> RunMarker.ofRun(v.description(), plan.runId()));
    var latest = lambda.getFunctionConfiguration(r -> r.functionName(name));
    String description = latest.description() == null ? "" : latest.description();
    return versions
        && latest.memorySize() == plan.original().memorySize()
        && description.equals(plan.original().description());
  }

  private void awaitStopped(String arn) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline
        && sfn.describeExecution(r -> r.executionArn(arn)).status() == ExecutionStatus.RUNNING) {
      Thread.sleep(100);
    }
  }

  /** The last state a top-level step left: it holds the run's plan once the Initializer ran. */
  private JsonNode lastState(String arn) {
    JsonNode last = null;
    for (HistoryEvent event : sfn.getExecutionHistoryPaginator(r -> r.executionArn(arn)).events()) {
      if (event.stateExitedEventDetails() != null
          && event.stateExitedEventDetails().output() != null) {
        try {
          JsonNode output = JSON.readTree(event.stateExitedEventDetails().output());
          if (output.has("lambdaConfigurations") && output.has("lambdaARN")) {
            last = output;
          }
        } catch (Exception e) {
          // not JSON: not a state of ours
        }
      }
    }
    return last;
  }
}
