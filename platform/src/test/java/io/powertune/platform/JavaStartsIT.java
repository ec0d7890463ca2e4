package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Java environments that start together all start, where they share the host's /tmp (limits off):
 * the runtime interface client's native library comes from the platform's runtimes folder, not from
 * a copy each JVM writes to /tmp.
 */
class JavaStartsIT {

  private static final int TOGETHER = 8;

  @TempDir Path stateDir;

  @Test
  void javaEnvironmentsStartingTogether_withoutLimits_allStart() throws Exception {
    try (PlatformFixture fixture =
        new PlatformFixture(PlatformFixture.config(stateDir).withoutLimits())) {
      LambdaClient lambda = fixture.lambda();
      SdkBytes jar =
          SdkBytes.fromByteArray(
              Files.readAllBytes(
                  Path.of("..", "examples", "hello", "java", "target", "hello-java.jar")));
      lambda.createFunction(
          r ->
              r.functionName("together")
                  .runtime(Runtime.JAVA21)
                  .handler("example.Hello::handleRequest")
                  .role(PlatformFixture.ROLE)
                  .memorySize(512)
                  .timeout(60)
                  .code(c -> c.zipFile(jar)));
      lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("together"));

      ExecutorService callers = Executors.newFixedThreadPool(TOGETHER);
      List<Future<InvokeResponse>> calls = new ArrayList<>();
      try {
        for (int i = 0; i < TOGETHER; i++) {
          calls.add(
              callers.submit(
                  () ->
                      lambda.invoke(
                          r ->
                              r.functionName("together")
                                  .payload(SdkBytes.fromUtf8String("{\"name\":\"all\"}")))));
        }
        for (Future<InvokeResponse> call : calls) {
          InvokeResponse response = call.get();
          assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
          assertThat(response.payload().asUtf8String()).contains("Hello, all!");
        }
      } finally {
        callers.shutdownNow();
      }
      assertThat(fixture.platform().environmentCount())
          .as("they ran in environments started together")
          .isGreaterThan(1);
    }
  }
}
