package io.powertune.bench;

import io.powertune.platform.Platform;
import io.powertune.platform.PlatformConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The Step Functions engine's own cost: state transitions per second for a Map of Pass states, and
 * the time a Task state adds beyond its Lambda invoke. Writes a Markdown report.
 */
public final class StepFunctionsBenchmark {

  private static final int ITEMS = 2000;
  private static final int PASSES = 5;
  private static final int TASKS = 200;

  private StepFunctionsBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path function = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Path state = Files.createTempDirectory("powertune-sfn-bench");
    PlatformConfig config = PlatformConfig.defaults(0, state).withoutLimits();
    try (Platform platform = Platform.start(config);
        SdkHttpClient http = ApacheHttpClient.builder().build()) {
      LambdaClient lambda = BenchSupport.lambda(platform, http);
      SfnClient sfn = BenchSupport.sfn(platform, http);
      SdkBytes zip = BenchSupport.zip(function);
      lambda.createFunction(
          r ->
              r.functionName("noop")
                  .runtime(Runtime.PROVIDED_AL2023)
                  .handler("bootstrap")
                  .role("arn:aws:iam::000000000000:role/bench")
                  .memorySize(1769)
                  .code(c -> c.zipFile(zip)));
      lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("noop"));

      run(sfn, "warm-up-map", mapOfPasses(), items(50));
      Result map = run(sfn, "map", mapOfPasses(), items(ITEMS));
      long transitions = map.entered();
      double perSecond = transitions / map.seconds();

      run(sfn, "warm-up-tasks", tasks(5), "{}");
      Result tasks = run(sfn, "tasks", tasks(TASKS), "{}");
      double inInvokes = 0;
      Instant scheduled = null;
      for (HistoryEvent e : tasks.events()) {
        if (e.typeAsString().equals("LambdaFunctionScheduled")) {
          scheduled = e.timestamp();
        } else if (e.typeAsString().equals("LambdaFunctionSucceeded")) {
          inInvokes += Duration.between(scheduled, e.timestamp()).toNanos() / 1e6;
        }
      }
      double perTask = (tasks.seconds() * 1000 - inInvokes) / TASKS;
      String report =
          String.format(
              Locale.ROOT,
              "# Step Functions benchmark%n%nRun %s on %d cores, Java %s; the platform with"
                  + " limits off (the engine's own cost), executions started and read through the"
                  + " AWS SDK.%n%n| measure | target | result |%n|---|---|---|%n"
                  + "| state transitions per second, Map of %d items x %d Pass states (%d"
                  + " transitions in %.2f s) | >= 5,000 | %.0f |%n"
                  + "| time a Task state adds beyond its Lambda invoke (%d sequential Tasks of a"
                  + " no-op function, %.1f ms in all, %.1f ms inside the invokes) | <= 1 ms |"
                  + " %.3f ms |%n",
              Instant.now(),
              java.lang.Runtime.getRuntime().availableProcessors(),
              System.getProperty("java.version"),
              ITEMS,
              PASSES,
              transitions,
              map.seconds(),
              perSecond,
              TASKS,
              tasks.seconds() * 1000,
              inInvokes,
              perTask);
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      System.out.print(report);
    }
  }

  private record Result(double seconds, long entered, List<HistoryEvent> events) {}

  private static Result run(SfnClient sfn, String name, String definition, String input)
      throws InterruptedException {
    String arn =
        sfn.createStateMachine(
                r ->
                    r.name(name)
                        .definition(definition)
                        .roleArn("arn:aws:iam::000000000000:role/bench"))
            .stateMachineArn();
    String execution = sfn.startExecution(r -> r.stateMachineArn(arn).input(input)).executionArn();
    DescribeExecutionResponse done;
    do {
      Thread.sleep(20);
      done = sfn.describeExecution(r -> r.executionArn(execution));
    } while (done.status() == ExecutionStatus.RUNNING);
    if (done.status() != ExecutionStatus.SUCCEEDED) {
      throw new IllegalStateException(name + " ended " + done);
    }
    List<HistoryEvent> events =
        sfn
            .getExecutionHistoryPaginator(r -> r.executionArn(execution).maxResults(1000))
            .events()
            .stream()
            .toList();
    long entered = events.stream().filter(e -> e.typeAsString().endsWith("StateEntered")).count();
    double seconds =
        Duration.between(events.get(0).timestamp(), events.get(events.size() - 1).timestamp())
                .toNanos()
            / 1e9;
    return new Result(seconds, entered, events);
  }

  /** {"list": [1, ..., items]}. */
  private static String items(int items) {
    StringBuilder list = new StringBuilder("{\"list\":[");
    for (int i = 1; i <= items; i++) {
      list.append(i == 1 ? "" : ",").append(i);
    }
    return list.append("]}").toString();
  }

  private static String mapOfPasses() {
    StringBuilder chain = new StringBuilder();
    for (int i = 0; i < PASSES; i++) {
      chain.append(i == 0 ? "" : ",");
      chain.append("\"P").append(i).append("\":{\"Type\":\"Pass\",");
      chain.append(i == PASSES - 1 ? "\"End\":true}" : "\"Next\":\"P" + (i + 1) + "\"}");
    }
    return "{\"StartAt\":\"Map\",\"States\":{"
        + "\"Map\":{\"Type\":\"Map\",\"ItemsPath\":\"$.list\",\"ResultPath\":null,"
        + "\"ItemProcessor\":{\"StartAt\":\"P0\",\"States\":{"
        + chain
        + "}},\"End\":true}}}";
  }

  private static String tasks(int count) {
    StringBuilder states = new StringBuilder();
    for (int i = 0; i < count; i++) {
      states.append(i == 0 ? "" : ",");
      states
          .append("\"T")
          .append(i)
          .append("\":{\"Type\":\"Task\",\"Resource\":")
          .append("\"arn:aws:lambda:us-east-1:000000000000:function:noop\",\"ResultPath\":null,");
      states.append(i == count - 1 ? "\"End\":true}" : "\"Next\":\"T" + (i + 1) + "\"}");
    }
    return "{\"StartAt\":\"T0\",\"States\":{" + states + "}}";
  }
}
