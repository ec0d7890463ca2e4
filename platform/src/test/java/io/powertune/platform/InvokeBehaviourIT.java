package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LogFormat;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** How an invocation can end, as the real SDK sees it: answers, errors, limits and logs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvokeBehaviourIT {

  @TempDir static Path stateDir;
  private PlatformFixture fixture;
  private LambdaClient lambda;

  @BeforeAll
  void start() throws Exception {
    fixture = new PlatformFixture(stateDir);
    lambda = fixture.lambda();
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  private void create(String name, String handler, int timeout) {
    fixture.create(
        lambda,
        name,
        Runtime.PYTHON3_12,
        handler,
        Zips.testFunction("python-behaviours"),
        256,
        timeout);
  }

  private InvokeResponse invoke(String name, String payload) {
    return lambda.invoke(
        r -> r.functionName(name).logType(LogType.TAIL).payload(SdkBytes.fromUtf8String(payload)));
  }

  private static String tail(InvokeResponse response) {
    return new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
  }

  @Test
  void invoke_echo_passesEventContextAndEnvironmentAsLambdaDoes() {
    create("echo", "app.echo", 3);
    lambda.updateFunctionConfiguration(
        r ->
            r.functionName("echo")
                .environment(e -> e.variables(java.util.Map.of("GREETING", "hi"))));
    lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("echo"));
    String clientContext =
        Base64.getEncoder()
            .encodeToString("{\"custom\":{\"k\":\"v\"}}".getBytes(StandardCharsets.UTF_8));

    InvokeResponse response =
        lambda.invoke(
            r ->
                r.functionName("echo")
                    .logType(LogType.TAIL)
                    .clientContext(clientContext)
                    .payload(SdkBytes.fromUtf8String("{\"a\":[1,2]}")));

    JsonNode body = Json.read(response.payload());
    assertThat(body.at("/event/a/1").asInt()).isEqualTo(2);
    assertThat(body.path("functionName").asText()).isEqualTo("echo");
    assertThat(body.path("functionVersion").asText()).isEqualTo("$LATEST");
    assertThat(body.path("memory").asText()).isEqualTo("256");
    assertThat(body.path("invokedArn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:echo");
    assertThat(body.at("/clientContext/custom/k").asText()).isEqualTo("v");
    assertThat(body.path("remainingMs").asLong()).isBetween(1L, 3000L);
    assertThat(body.at("/env/GREETING").asText()).isEqualTo("hi");
    assertThat(body.at("/env/AWS_REGION").asText()).isEqualTo("us-east-1");
    assertThat(body.at("/env/AWS_ENDPOINT_URL").asText()).isEqualTo(fixture.endpoint().toString());
    assertThat(body.at("/env/AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("256");
    assertThat(body.at("/env/AWS_LAMBDA_LOG_GROUP_NAME").asText()).isEqualTo("/aws/lambda/echo");
    assertThat(body.at("/env/AWS_LAMBDA_LOG_STREAM_NAME").asText()).contains("/[$LATEST]");
    assertThat(body.at("/env/_HANDLER").asText()).isEqualTo("app.echo");
    assertThat(body.at("/env/AWS_EXECUTION_ENV").asText()).isEqualTo("AWS_Lambda_python3.12");
    assertThat(body.path("requestId").asText()).isEqualTo(response.responseMetadata().requestId());
    assertThat(tail(response)).contains("echo line one\necho line two\nEND RequestId: ");
  }

  @Test
  void invoke_functionUsingAnAwsSdk_reachesThePlatformWithoutCodeChanges() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        HostSupport.pythonHas("boto3"), "boto3 is not installed for python3: skipped");
    create("sdk-caller", "app.call_lambda", 10);

    InvokeResponse response = invoke("sdk-caller", "{\"name\":\"sdk-caller\"}");

    assertThat(response.functionError()).isNull();
    JsonNode body = Json.read(response.payload());
    assertThat(body.path("functionArn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:sdk-caller");
    assertThat(body.path("handler").asText()).isEqualTo("app.call_lambda");
  }

  @Test
  void invoke_handlerThrows_isAnUnhandledFunctionErrorWithTheRuntimesPayload() {
    create("fail", "app.fail", 3);

    InvokeResponse response = invoke("fail", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isEqualTo("Unhandled");
    JsonNode error = Json.read(response.payload());
    assertThat(error.path("errorType").asText()).isEqualTo("ValueError");
    assertThat(error.path("errorMessage").asText()).isEqualTo("something broke");
    assertThat(error.path("stackTrace").isArray()).isTrue();
    assertThat(ReportParser.parseLogResult(response.logResult()).status()).isEmpty();
  }

  @Test
  void invoke_pastTheTimeout_isKilledAndBilledTheWholeTimeout() {
    create("slow", "app.sleep", 1);

    InvokeResponse response = invoke("slow", "{\"seconds\":30}");

    assertThat(response.functionError()).isEqualTo("Unhandled");
    JsonNode error = Json.read(response.payload());
    assertThat(error.path("errorType").asText()).isEqualTo("Sandbox.Timedout");
    assertThat(error.path("errorMessage").asText()).endsWith("Task timed out after 1.00 seconds");
    Report report = ReportParser.parseLogResult(response.logResult());
    assertThat(report.status()).contains("timeout");
    assertThat(report.durationMs()).isEqualTo(1000.0);
    assertThat(tail(response)).contains("Task timed out after 1.00 seconds");
    // the environment was killed: the next call starts a new one
    InvokeResponse next = invoke("slow", "{\"seconds\":0}");
    assertThat(ReportParser.parseLogResult(next.logResult()).coldStart()).isTrue();
  }

  @Test
  void invoke_runtimeExits_isARuntimeExitError() {
    create("crash", "app.crash", 3);

    InvokeResponse response = invoke("crash", "{}");

    assertThat(response.functionError()).isEqualTo("Unhandled");
    JsonNode error = Json.read(response.payload());
    assertThat(error.path("errorType").asText()).isEqualTo("Runtime.ExitError");
    assertThat(error.path("errorMessage").asText()).contains("exit status 3");
    Report report = ReportParser.parseLogResult(response.logResult());
    assertThat(report.status()).contains("error");
    assertThat(report.errorType()).contains("Runtime.ExitError");
  }

  @Test
  void invoke_codeThatFailsToLoad_isAnInitError() {
    fixture.create(
        lambda, "broken", Runtime.PYTHON3_12, "app.handler", Zips.testFunction("python-broken"));

    InvokeResponse response = invoke("broken", "{}");

    assertThat(response.functionError()).isEqualTo("Unhandled");
    assertThat(Json.read(response.payload()).path("errorType").asText())
        .isEqualTo("ModuleNotFoundError");
    assertThat(tail(response)).contains("INIT_REPORT Init Duration: ").contains("Status: error");
  }

  @Test
  void invoke_responseOverSixMegabytes_isResponseSizeTooLarge() {
    create("big", "app.big", 10);

    InvokeResponse response = invoke("big", "{}");

    assertThat(response.functionError()).isEqualTo("Unhandled");
    assertThat(Json.read(response.payload()).path("errorType").asText())
        .isEqualTo("Function.ResponseSizeTooLarge");
  }

  @Test
  void invoke_requestOverSixMegabytes_isRejectedWith413() {
    create("echo-large", "app.echo", 3);
    String payload = "\"" + "x".repeat(6_291_457) + "\"";

    assertThatThrownBy(
            () ->
                fixture
                    .lambdaWithoutRetries()
                    .invoke(
                        r ->
                            r.functionName("echo-large").payload(SdkBytes.fromUtf8String(payload))))
        .isInstanceOfSatisfying(
            LambdaException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(413);
              assertThat(e.awsErrorDetails().errorCode())
                  .isEqualTo("RequestEntityTooLargeException");
            });
  }

  @Test
  void invoke_eventOverOneMegabyte_isRejectedWith413() {
    create("echo-large-event", "app.echo", 3);
    String payload = "\"" + "x".repeat(1_048_577) + "\"";

    assertThatThrownBy(
            () ->
                fixture
                    .lambdaWithoutRetries()
                    .invoke(
                        r ->
                            r.functionName("echo-large-event")
                                .invocationType(InvocationType.EVENT)
                                .payload(SdkBytes.fromUtf8String(payload))))
        .isInstanceOfSatisfying(
            LambdaException.class, e -> assertThat(e.statusCode()).isEqualTo(413));
  }

  @Test
  void invoke_payloadThatIsNotJson_isInvalidRequestContent() {
    create("echo-bad-json", "app.echo", 3);

    assertThatThrownBy(() -> invoke("echo-bad-json", "{not json"))
        .isInstanceOfSatisfying(
            LambdaException.class,
            e ->
                assertThat(e.awsErrorDetails().errorCode())
                    .isEqualTo("InvalidRequestContentException"));
    assertThatThrownBy(() -> invoke("echo-bad-json", "42 is the answer"))
        .isInstanceOfSatisfying(
            LambdaException.class,
            e ->
                assertThat(e.awsErrorDetails().errorCode())
                    .isEqualTo("InvalidRequestContentException"));
  }

  @Test
  void invoke_dryRun_answers204WithoutRunning() {
    create("dry", "app.count", 3);

    InvokeResponse dry =
        lambda.invoke(r -> r.functionName("dry").invocationType(InvocationType.DRY_RUN));
    InvokeResponse first = invoke("dry", "{}");

    assertThat(dry.statusCode()).isEqualTo(204);
    assertThat(first.payload().asUtf8String()).isEqualTo("1");
  }

  @Test
  void invoke_warmEnvironment_isReused_untilTheConfigurationChanges() {
    create("counter", "app.count", 3);

    assertThat(invoke("counter", "{}").payload().asUtf8String()).isEqualTo("1");
    assertThat(invoke("counter", "{}").payload().asUtf8String()).isEqualTo("2");
    lambda.updateFunctionConfiguration(r -> r.functionName("counter").memorySize(512));
    lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("counter"));
    InvokeResponse afterUpdate = invoke("counter", "{}");

    assertThat(afterUpdate.payload().asUtf8String()).isEqualTo("1");
    assertThat(ReportParser.parseLogResult(afterUpdate.logResult()).memorySizeMb()).hasValue(512);
  }

  @Test
  void invoke_throughAnAlias_runsItsVersionAndNamesTheAlias() {
    create("aliased", "app.echo", 3);
    lambda.publishVersion(r -> r.functionName("aliased"));
    lambda.createAlias(r -> r.functionName("aliased").name("live").functionVersion("1"));

    InvokeResponse response =
        lambda.invoke(
            r ->
                r.functionName("aliased").qualifier("live").payload(SdkBytes.fromUtf8String("{}")));

    assertThat(response.executedVersion()).isEqualTo("1");
    JsonNode body = Json.read(response.payload());
    assertThat(body.path("functionVersion").asText()).isEqualTo("1");
    assertThat(body.path("invokedArn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:aliased:live");
  }

  @Test
  void invoke_reservedConcurrencyZero_isThrottledWithItsReason() {
    create("throttled", "app.count", 3);
    lambda.putFunctionConcurrency(r -> r.functionName("throttled").reservedConcurrentExecutions(0));

    assertThatThrownBy(
            () -> fixture.lambdaWithoutRetries().invoke(r -> r.functionName("throttled")))
        .isInstanceOfSatisfying(
            TooManyRequestsException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(429);
              assertThat(e.reasonAsString())
                  .isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
            });
  }

  @Test
  void invoke_event_isQueuedAndRetriedTwiceOnFailure() throws Exception {
    create("flaky", "app.flaky_event", 3);
    try (SharedFolder shared = new SharedFolder("flaky")) {
      Path dir = shared.path();
      Path attempts = dir.resolve("attempts");

      InvokeResponse response =
          lambda.invoke(
              r ->
                  r.functionName("flaky")
                      .invocationType(InvocationType.EVENT)
                      .payload(SdkBytes.fromUtf8String("{\"dir\":\"" + dir + "\"}")));

      assertThat(response.statusCode()).isEqualTo(202);
      assertThat(response.payload().asByteArray()).isEmpty();
      Eventually.until(
          "three attempts",
          Duration.ofSeconds(20),
          () -> Files.exists(attempts) && readQuietly(attempts).equals("3"));
    }
  }

  @Test
  void invoke_jsonLogFormat_reportsAsPlatformReportRecords() {
    create("json-logs", "app.count", 3);
    lambda.updateFunctionConfiguration(
        r -> r.functionName("json-logs").loggingConfig(l -> l.logFormat(LogFormat.JSON)));
    lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("json-logs"));

    InvokeResponse cold = invoke("json-logs", "{}");
    InvokeResponse warm = invoke("json-logs", "{}");

    assertThat(tail(cold)).contains("\"type\":\"platform.report\"").contains("\"initDurationMs\"");
    Report warmReport = ReportParser.parseLogResult(warm.logResult());
    assertThat(warmReport.coldStart()).isFalse();
    assertThat(warmReport.memorySizeMb()).hasValue(256);
  }

  @Test
  void invoke_missingFunction_namesTheLatestArn() {
    assertThatThrownBy(() -> invoke("nobody", "{}"))
        .isInstanceOfSatisfying(
            software.amazon.awssdk.services.lambda.model.ResourceNotFoundException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(
                        "Function not found: arn:aws:lambda:us-east-1:000000000000:function:nobody:$LATEST"));
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
