package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.platform.logs.LogWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * A function printing as fast as it can harms neither the platform (the output waiting to be stored
 * stays within its bound) nor another function invoked meanwhile.
 */
class OutputFloodIT {

  @TempDir Path stateDir;

  @Test
  void flood_staysWithinTheLogBound_andAnotherFunctionIsAnsweredMeanwhile() throws Exception {
    try (PlatformFixture fixture = new PlatformFixture(stateDir)) {
      LambdaClient lambda = fixture.lambda();
      Path code = Zips.testFunction("python-security");
      fixture.create(lambda, "flood", Runtime.PYTHON3_12, "handler.flood", code, 1769, 5);
      fixture.create(lambda, "bystander", Runtime.PYTHON3_12, "handler.whoami", code, 128, 5);

      CompletableFuture<InvokeResponse> flooding =
          CompletableFuture.supplyAsync(() -> lambda.invoke(r -> r.functionName("flood")));
      InvokeResponse bystander = lambda.invoke(r -> r.functionName("bystander"));
      InvokeResponse flooded = flooding.get();

      assertThat(bystander.functionError()).isNull();
      assertThat(flooded.functionError()).isNull();
      assertThat(flooded.payload()).isEqualTo(SdkBytes.fromUtf8String("\"flooded\""));
      assertThat(fixture.platform().mostQueuedLogChars())
          .isLessThanOrEqualTo(LogWriter.MAX_QUEUED_CHARS);
    }
  }
}
