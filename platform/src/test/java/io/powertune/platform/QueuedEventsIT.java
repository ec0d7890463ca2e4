package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** Event invocations accepted before a restart run after it: none is lost. */
class QueuedEventsIT {

  @TempDir Path stateDir;

  @Test
  void queuedEvents_surviveARestart_andRunOnceTheFunctionMayRun() throws Exception {
    try (PlatformFixture fixture = new PlatformFixture(stateDir);
        SharedFolder shared = new SharedFolder("events")) {
      LambdaClient lambda = fixture.lambda();
      fixture.create(
          lambda, "later", Runtime.PYTHON3_12, "app.hold", Zips.testFunction("python-behaviours"));
      Files.writeString(shared.path().resolve("release"), "");
      // no concurrency: the events wait in the queue, throttled
      lambda.putFunctionConcurrency(r -> r.functionName("later").reservedConcurrentExecutions(0));
      for (int i = 0; i < 3; i++) {
        String event =
            "{\"started\":\""
                + shared.path().resolve("ran-" + i)
                + "\",\"release\":\""
                + shared.path().resolve("release")
                + "\"}";
        assertThat(
                lambda
                    .invoke(
                        r ->
                            r.functionName("later")
                                .invocationType(InvocationType.EVENT)
                                .payload(SdkBytes.fromUtf8String(event)))
                    .statusCode())
            .isEqualTo(202);
      }

      fixture.restart();
      LambdaClient after = fixture.lambda();
      after.deleteFunctionConcurrency(r -> r.functionName("later"));

      Eventually.until(
          "the three events ran after the restart",
          Duration.ofSeconds(60),
          () ->
              Files.exists(shared.path().resolve("ran-0"))
                  && Files.exists(shared.path().resolve("ran-1"))
                  && Files.exists(shared.path().resolve("ran-2")));
    }
  }
}
