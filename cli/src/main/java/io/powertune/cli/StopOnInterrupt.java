package io.powertune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.tuner.TunerFunctions;
import java.io.PrintWriter;
import java.time.Duration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Ctrl-C during a tuning: stops the execution, then runs the workflow's Cleaner on what the run had
 * published (a stopped execution runs no Catch), so the function is left as it was.
 */
final class StopOnInterrupt {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final SfnClient sfn;
  private final LambdaClient tunerLambda;
  private final String executionArn;
  private final PrintWriter err;
  private final Thread hook;
  private volatile boolean done;

  private StopOnInterrupt(
      SfnClient sfn, LambdaClient tunerLambda, String executionArn, PrintWriter err) {
    this.sfn = sfn;
    this.tunerLambda = tunerLambda;
    this.executionArn = executionArn;
    this.err = err;
    this.hook = new Thread(this::stop, "stop-tuning");
  }

  /** Watches for Ctrl-C (or SIGTERM) until {@link #finished()}. */
  static StopOnInterrupt register(
      SfnClient sfn, LambdaClient tunerLambda, String executionArn, PrintWriter err) {
    StopOnInterrupt watch = new StopOnInterrupt(sfn, tunerLambda, executionArn, err);
    Runtime.getRuntime().addShutdownHook(watch.hook);
    return watch;
  }

  /** The execution ended on its own: nothing to do on exit. */
  void finished() {
    done = true;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook sees done
    }
  }

  private void stop() {
    if (done) {
      return;
    }
    err.println("powertune: stopping the tuning; the function is put back as it was...");
    err.flush();
    try {
      sfn.stopExecution(
          r -> r.executionArn(executionArn).error("Interrupted").cause("stopped with Ctrl-C"));
      awaitStopped();
      JsonNode state = lastState();
      if (state == null || !state.has("lambdaConfigurations")) {
        err.println("powertune: stopped before anything was published");
      } else {
        ObjectNode event = JSON.createObjectNode();
        event.set("lambdaARN", state.get("lambdaARN"));
        event.set("lambdaConfigurations", state.get("lambdaConfigurations"));
        var response =
            tunerLambda.invoke(
                r ->
                    r.functionName(TunerFunctions.cleaner().name())
                        .payload(SdkBytes.fromUtf8String(event.toString())));
        err.println(
            response.functionError() == null
                ? "powertune: stopped; the run's aliases and versions are deleted and $LATEST is"
                    + " as it was"
                : "powertune: stopped, but the cleanup failed: "
                    + response.payload().asUtf8String());
      }
    } catch (RuntimeException | InterruptedException e) {
      err.println("powertune: stopping failed: " + e.getMessage());
    }
    err.flush();
  }

  private void awaitStopped() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline
        && sfn.describeExecution(r -> r.executionArn(executionArn)).status()
            == ExecutionStatus.RUNNING) {
      Thread.sleep(100);
    }
  }

  /** The last state a top-level step left: it holds the run's plan once the Initializer ran. */
  private JsonNode lastState() {
    JsonNode last = null;
    for (HistoryEvent event :
        sfn.getExecutionHistoryPaginator(r -> r.executionArn(executionArn)).events()) {
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
