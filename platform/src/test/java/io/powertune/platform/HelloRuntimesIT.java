package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** The hello example of every runtime, created and invoked through the real SDK. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelloRuntimesIT {

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

  @ParameterizedTest
  @CsvSource({
    "hello-python312, python3.12, app.handler, python",
    "hello-python311, python3.11, app.handler, python",
    "hello-node20, nodejs20.x, index.handler, node",
    "hello-node22, nodejs22.x, index.handler, node",
    "hello-provided, provided.al2023, unused, provided",
    "hello-provided-al2, provided, unused, provided"
  })
  void hello_coldThenWarm_answersAndReports(
      String name, String runtime, String handler, String dir) {
    fixture.create(lambda, name, Runtime.fromValue(runtime), handler, Zips.example(dir));

    InvokeResponse cold = invoke(name);
    InvokeResponse warm = invoke(name);

    assertThat(cold.statusCode()).isEqualTo(200);
    assertThat(cold.functionError())
        .as(cold.payload().asUtf8String() + decode(cold.logResult()))
        .isNull();
    assertThat(cold.executedVersion()).isEqualTo("$LATEST");
    assertThat(Json.read(cold.payload()).path("message").asText()).isEqualTo("Hello, powertune!");
    assertThat(Json.read(cold.payload()).path("requestId").asText()).isNotEmpty();
    Report coldReport = ReportParser.parseLogResult(cold.logResult());
    Report warmReport = ReportParser.parseLogResult(warm.logResult());
    assertThat(coldReport.coldStart()).isTrue();
    assertThat(coldReport.memorySizeMb()).hasValue(128);
    assertThat(coldReport.billedDurationMs())
        .isEqualTo(Math.ceil(coldReport.durationMs() + coldReport.initDurationMs().getAsDouble()));
    assertThat(warmReport.coldStart()).isFalse();
    assertThat(decode(cold.logResult())).contains("START RequestId: ").contains("END RequestId: ");
  }

  @ParameterizedTest
  @CsvSource({"hello-java17, java17", "hello-java21, java21"})
  void helloJava_runsOnAmazonsRuntimeInterfaceClient(String name, String runtime) throws Exception {
    SdkBytes jar =
        SdkBytes.fromByteArray(
            java.nio.file.Files.readAllBytes(
                Path.of("..", "examples", "hello", "java", "target", "hello-java.jar")));
    lambda.createFunction(
        r ->
            r.functionName(name)
                .runtime(Runtime.fromValue(runtime))
                .handler("example.Hello::handleRequest")
                .role(PlatformFixture.ROLE)
                .memorySize(512)
                .timeout(30)
                .code(c -> c.zipFile(jar)));
    lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));

    InvokeResponse cold = invoke(name);
    InvokeResponse warm = invoke(name);

    assertThat(cold.functionError())
        .as(cold.payload().asUtf8String() + decode(cold.logResult()))
        .isNull();
    assertThat(Json.read(cold.payload()).path("message").asText()).isEqualTo("Hello, powertune!");
    assertThat(decode(cold.logResult())).contains("hello from java");
    assertThat(ReportParser.parseLogResult(cold.logResult()).coldStart()).isTrue();
    assertThat(ReportParser.parseLogResult(warm.logResult()).coldStart()).isFalse();
  }

  @org.junit.jupiter.api.Test
  void node_handlerThatThrows_isAnUnhandledErrorNamedByItsType() {
    fixture.create(
        lambda,
        "node-fail",
        Runtime.NODEJS22_X,
        "index.fail",
        Zips.testFunction("node-behaviours"));

    InvokeResponse response = invoke("node-fail");

    assertThat(response.functionError()).isEqualTo("Unhandled");
    assertThat(Json.read(response.payload()).path("errorType").asText()).isEqualTo("TypeError");
    assertThat(Json.read(response.payload()).path("errorMessage").asText()).isEqualTo("node broke");
  }

  @org.junit.jupiter.api.Test
  void node_callbackHandler_answersThroughTheCallback() {
    fixture.create(
        lambda,
        "node-callback",
        Runtime.NODEJS20_X,
        "index.callback",
        Zips.testFunction("node-behaviours"));

    InvokeResponse response = invoke("node-callback");

    assertThat(response.functionError()).isNull();
    assertThat(Json.read(response.payload()).path("viaCallback").asBoolean()).isTrue();
  }

  private InvokeResponse invoke(String name) {
    return lambda.invoke(
        r ->
            r.functionName(name)
                .logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"name\":\"powertune\"}")));
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
