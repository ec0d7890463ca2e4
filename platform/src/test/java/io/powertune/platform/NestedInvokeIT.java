package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.platform.http.JsonProtocol;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * A function that invokes another synchronously lends it its CPU share while it waits: a caller
 * holding nearly every core still gets its callee run, where a caller that only held its share
 * would see the callee throttled (AdmissionIT shows a held share turning others away).
 */
class NestedInvokeIT {

  @TempDir Path stateDir;

  @Test
  void aCallerHoldingNearlyEveryCore_getsItsSynchronousCalleeRun() throws Exception {
    HostSupport.assumeWritableCgroups("NestedInvokeIT");
    assumeTrue(HostSupport.pythonHas("boto3"), "boto3 is not installed for python3: skipped");
    int cores = java.lang.Runtime.getRuntime().availableProcessors();
    PlatformConfig config =
        PlatformFixture.config(stateDir).withAdmissionWait(Duration.ofMillis(300));
    try (PlatformFixture fixture = new PlatformFixture(config)) {
      LambdaClient lambda = fixture.lambdaWithoutRetries();
      Path code = Zips.testFunction("python-behaviours");
      int callerMemory = (int) Math.round((cores - 0.3) * 1769);
      fixture.create(
          lambda, "caller", Runtime.PYTHON3_12, "app.invoke_lambda", code, callerMemory, 60);
      fixture.create(lambda, "callee", Runtime.PYTHON3_12, "app.count", code, 1769, 30);

      InvokeResponse first = invokeCaller(lambda);
      InvokeResponse second = invokeCaller(lambda); // warm caller, warm callee

      for (InvokeResponse response : new InvokeResponse[] {first, second}) {
        assertThat(response.functionError()).isNull();
        JsonNode body = JsonProtocol.MAPPER.readTree(response.payload().asByteArray());
        assertThat(body.path("throttled").asBoolean()).as(body.toString()).isFalse();
        assertThat(body.path("answer").isInt()).as(body.toString()).isTrue();
      }
      assertThat(fixture.platform().admissionInUse()).isZero();
    }
  }

  private static InvokeResponse invokeCaller(LambdaClient lambda) {
    return lambda.invoke(
        r -> r.functionName("caller").payload(SdkBytes.fromUtf8String("{\"name\":\"callee\"}")));
  }
}
