package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParser;
import io.powertune.platform.trusted.TrustedHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** Trusted handlers run inside the platform's JVM, through the normal Invoke path. */
class TrustedHandlerIT {

  private static final String HANDLER = "example.Trusted::handleRequest";
  private static final SdkBytes CODE = Zips.ofFile("trusted.txt", "the trusted handler's code");
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  @TempDir java.nio.file.Path stateDir;
  private PlatformFixture fixture;
  private LambdaClient lambda;
  private volatile Map<String, String> environment;

  @BeforeEach
  void start() throws Exception {
    RequestStreamHandler echo =
        (in, out, context) -> {
          byte[] event = in.readAllBytes();
          context.getLogger().log("handling " + new String(event, StandardCharsets.UTF_8));
          if (new String(event, StandardCharsets.UTF_8).contains("hang")) {
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          out.write(
              ("{\"event\":"
                      + new String(event, StandardCharsets.UTF_8)
                      + ",\"function\":\""
                      + context.getFunctionName()
                      + "\",\"thread\":\""
                      + Thread.currentThread().getName()
                      + "\"}")
                  .getBytes(StandardCharsets.UTF_8));
        };
    TrustedHandler trusted =
        new TrustedHandler(
            HANDLER,
            sha256(CODE),
            variables -> {
              environment = variables;
              INSTANCES.incrementAndGet();
              return echo;
            });
    fixture =
        new PlatformFixture(
            PlatformFixture.config(stateDir).withoutLimits().withTrustedHandlers(List.of(trusted)));
    lambda = fixture.lambda();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void invoke_trustedHandlerWithItsCode_runsInProcessWithLambdasLogLines() {
    create("trusted", CODE);
    int before = INSTANCES.get();

    InvokeResponse cold = invoke("trusted", "{\"n\":1}");
    InvokeResponse warm = invoke("trusted", "{\"n\":2}");

    assertThat(cold.functionError()).isNull();
    JsonNode body = Json.read(warm.payload());
    assertThat(body.at("/event/n").asInt()).isEqualTo(2);
    assertThat(body.path("function").asText()).isEqualTo("trusted");
    assertThat(INSTANCES.get() - before).isEqualTo(1);
    Report first = ReportParser.parseLogResult(cold.logResult());
    Report second = ReportParser.parseLogResult(warm.logResult());
    assertThat(first.initDurationMs()).isPresent();
    assertThat(second.initDurationMs()).isEmpty();
    assertThat(second.cpuScaling()).contains("unavailable");
    assertThat(decode(warm.logResult()))
        .startsWith("START RequestId: ")
        .contains("handling {\"n\":2}\nEND RequestId: ");
    assertThat(environment)
        .containsEntry("AWS_ENDPOINT_URL", fixture.endpoint().toString())
        .containsEntry("AWS_REGION", "us-east-1")
        .containsEntry("AWS_ACCESS_KEY_ID", fixture.platform().credentials().accessKeyId());
  }

  @Test
  void invoke_sameHandlerWithOtherCode_runsInAProcessOfItsOwn() {
    create("impostor", Zips.ofFile("other.txt", "not the trusted code"));
    int before = INSTANCES.get();

    InvokeResponse response = invoke("impostor", "{}");

    assertThat(INSTANCES.get()).isEqualTo(before);
    assertThat(response.functionError()).isEqualTo("Unhandled"); // its code has no such class
  }

  @Test
  void invoke_theTrustedCodeNotAskingForIt_runsInAProcessOfItsOwn() {
    create("as-on-aws", CODE, Map.of());
    int before = INSTANCES.get();

    InvokeResponse response = invoke("as-on-aws", "{}");

    assertThat(INSTANCES.get()).isEqualTo(before);
    assertThat(response.functionError()).isEqualTo("Unhandled"); // the test code has no class
  }

  @Test
  void invoke_pastItsTimeout_endsWithLambdasTimeout_andTheNextCallStartsAfresh() {
    create("hangs", CODE);
    lambda.updateFunctionConfiguration(r -> r.functionName("hangs").timeout(1));
    lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("hangs"));
    int before = INSTANCES.get();

    InvokeResponse hung = invoke("hangs", "{\"hang\":true}");
    InvokeResponse next = invoke("hangs", "{}");

    assertThat(hung.functionError()).isEqualTo("Unhandled");
    assertThat(Json.read(hung.payload()).path("errorType").asText()).isEqualTo("Sandbox.Timedout");
    assertThat(ReportParser.parseLogResult(hung.logResult()).status()).contains("timeout");
    assertThat(next.functionError()).isNull();
    assertThat(ReportParser.parseLogResult(next.logResult()).initDurationMs()).isPresent();
    assertThat(INSTANCES.get() - before).isEqualTo(2);
  }

  @Test
  void instanceIdleForTheIdleTimeout_isClosed() throws Exception {
    fixture.close();
    java.util.concurrent.atomic.AtomicInteger closed =
        new java.util.concurrent.atomic.AtomicInteger();
    TrustedHandler closeable =
        new TrustedHandler(HANDLER, sha256(CODE), variables -> new ClosingHandler(closed));
    PlatformConfig defaults = PlatformFixture.config(stateDir);
    fixture =
        new PlatformFixture(
            new PlatformConfig(
                    0,
                    stateDir,
                    java.time.Duration.ofMillis(200),
                    defaults.eventRetryDelays(),
                    defaults.accountConcurrency(),
                    defaults.clock(),
                    null,
                    defaults.admissionWait())
                .withTrustedHandlers(List.of(closeable)));
    lambda = fixture.lambda();
    create("closes", CODE);

    invoke("closes", "{}");

    Eventually.until(
        "the idle instance closed", java.time.Duration.ofSeconds(10), () -> closed.get() == 1);
  }

  /** A handler that counts its closing. */
  private record ClosingHandler(java.util.concurrent.atomic.AtomicInteger closed)
      implements RequestStreamHandler, AutoCloseable {
    @Override
    public void handleRequest(
        java.io.InputStream in,
        java.io.OutputStream out,
        com.amazonaws.services.lambda.runtime.Context c)
        throws java.io.IOException {
      out.write("{}".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }

  private void create(String name, SdkBytes code) {
    create(name, code, Map.of(TrustedHandler.IN_PROCESS, "true"));
  }

  private void create(String name, SdkBytes code, Map<String, String> variables) {
    lambda.createFunction(
        r ->
            r.functionName(name)
                .runtime(Runtime.JAVA21)
                .handler(HANDLER)
                .role(PlatformFixture.ROLE)
                .memorySize(512)
                .environment(e -> e.variables(variables))
                .code(c -> c.zipFile(code)));
    lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
  }

  private InvokeResponse invoke(String name, String payload) {
    return lambda.invoke(
        r -> r.functionName(name).logType(LogType.TAIL).payload(SdkBytes.fromUtf8String(payload)));
  }

  private static String decode(String logResult) {
    return new String(Base64.getDecoder().decode(logResult), StandardCharsets.UTF_8);
  }

  private static String sha256(SdkBytes bytes) throws Exception {
    return Base64.getEncoder()
        .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes.asByteArray()));
  }
}
