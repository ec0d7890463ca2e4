package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The corpus of malformed requests ({@code corpus/malformed-requests.jsonl}, written by {@code
 * platform/corpus/generate.py}): each, correctly signed, gets its 4xx and AWS error code with a
 * message, never a 5xx; afterwards the platform still serves and holds exactly what it held before.
 */
class MalformedRequestsIT {

  /** One request of the corpus and the answer AWS gives it. */
  record Case(
      String name,
      String api,
      String method,
      String path,
      String target,
      Map<String, String> headers,
      JsonNode body,
      int status,
      String code) {

    @Override
    public String toString() {
      return name;
    }

    String bodyText() {
      if (!body.isObject()) {
        return body.asText();
      }
      return body.path("prefix").asText("")
          + body.path("repeat").asText().repeat(body.path("count").asInt())
          + body.path("suffix").asText("");
    }
  }

  @TempDir static Path stateDir;
  private static PlatformFixture fixture;
  private static LambdaClient lambda;
  private static String revisionBefore;

  @BeforeAll
  static void start() throws Exception {
    fixture = new PlatformFixture(PlatformFixture.config(stateDir).withoutLimits());
    lambda = fixture.lambda();
    fixture.create(
        lambda, "corpus-target", Runtime.PYTHON3_12, "app.handler", Zips.example("python"));
    lambda.publishVersion(r -> r.functionName("corpus-target"));
    lambda.createAlias(r -> r.functionName("corpus-target").name("live").functionVersion("1"));
    fixture.logs().createLogGroup(r -> r.logGroupName("corpus-group"));
    fixture
        .logs()
        .createLogStream(r -> r.logGroupName("corpus-group").logStreamName("corpus-stream"));
    fixture
        .sfn()
        .createStateMachine(
            r ->
                r.name("corpus-machine")
                    .roleArn(PlatformFixture.ROLE)
                    .definition(
                        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}"));
    revisionBefore =
        lambda.getFunctionConfiguration(r -> r.functionName("corpus-target")).revisionId();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  static Stream<Case> corpus() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (InputStream in =
        MalformedRequestsIT.class.getResourceAsStream("/corpus/malformed-requests.jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          cases.add(Json.MAPPER.readValue(line, Case.class));
        }
      }
    }
    return cases.stream();
  }

  @Test
  void corpus_holdsAtLeast300Requests_acrossTheThreeApis() throws IOException {
    List<Case> cases = corpus().toList();

    assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
    assertThat(cases).extracting(Case::api).contains("lambda", "logs", "sfn");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void malformedRequest_getsItsAwsError_andNothingChanges(Case request) throws IOException {
    Answer answer = send(request);

    assertThat(answer.status()).as(answer.body()).isBetween(400, 499).isEqualTo(request.status());
    assertThat(answer.code()).as(answer.body()).isEqualTo(request.code());
    assertThat(answer.message()).as(answer.body()).isNotBlank();
    // the platform keeps serving, and the resources the corpus names are as they were
    assertThat(lambda.getFunctionConfiguration(r -> r.functionName("corpus-target")).revisionId())
        .isEqualTo(revisionBefore);
    assertThat(lambda.listFunctions().functions())
        .extracting(FunctionConfiguration::functionName)
        .containsExactly("corpus-target");
  }

  @Test
  void afterTheCorpus_nothingWasCreated() throws IOException {
    corpus().forEach(MalformedRequestsIT::send);

    assertThat(fixture.logs().describeLogGroups().logGroups()).hasSize(1);
    assertThat(fixture.logs().describeLogStreams(r -> r.logGroupName("corpus-group")).logStreams())
        .hasSize(1);
    assertThat(fixture.sfn().listStateMachines().stateMachines()).hasSize(1);
    assertThat(lambda.listAliases(r -> r.functionName("corpus-target")).aliases()).hasSize(1);
    assertThat(lambda.listVersionsByFunction(r -> r.functionName("corpus-target")).versions())
        .hasSize(2);
  }

  /** What the platform answered. */
  record Answer(int status, String code, String message, String body) {}

  private static final Map<String, String> SIGNING_NAMES =
      Map.of("lambda", "lambda", "logs", "logs", "sfn", "states");

  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "lambda", "application/json",
          "logs", "application/x-amz-json-1.1",
          "sfn", "application/x-amz-json-1.0");

  /** Signs the request as it is (path and query exactly as written) and sends it. */
  private static Answer send(Case request) {
    byte[] body = request.bodyText().getBytes(StandardCharsets.UTF_8);
    URI endpoint = fixture.endpoint();
    int query = request.path().indexOf('?');
    SdkHttpRequest.Builder http =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(request.method()))
            .protocol("http")
            .host(endpoint.getHost())
            .port(endpoint.getPort())
            .encodedPath(query < 0 ? request.path() : request.path().substring(0, query))
            .putHeader("Content-Type", CONTENT_TYPES.get(request.api()));
    if (query >= 0) {
      for (String pair : request.path().substring(query + 1).split("&")) {
        int eq = pair.indexOf('=');
        http.appendRawQueryParameter(pair.substring(0, eq), decoded(pair.substring(eq + 1)));
      }
    }
    if (request.target() != null) {
      http.putHeader("X-Amz-Target", request.target());
    }
    request.headers().forEach(http::putHeader);
    SdkHttpRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.request(http.build())
                        .payload(() -> new java.io.ByteArrayInputStream(body))
                        .identity(
                            AwsCredentialsIdentity.create(
                                fixture.platform().credentials().accessKeyId(),
                                fixture.platform().credentials().secretAccessKey()))
                        .putProperty(
                            AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAMES.get(request.api()))
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
            .request();
    try {
      URI uri = parsable(endpoint + request.path());
      return uri != null
          ? sendWithHttpClient(uri, request, signed, body)
          : sendRaw(request, signed, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A query value as the client meant it (the signer encodes it again); as written if invalid. */
  private static String decoded(String value) {
    try {
      return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }

  private static URI parsable(String uri) {
    try {
      return new URI(uri);
    } catch (java.net.URISyntaxException e) {
      return null; // a path or query the JDK's HTTP client will not send: sent as written below
    }
  }

  private static Answer sendWithHttpClient(
      URI uri, Case request, SdkHttpRequest signed, byte[] body) throws IOException {
    java.net.http.HttpRequest.Builder http =
        java.net.http.HttpRequest.newBuilder(uri)
            .method(
                request.method(),
                body.length == 0
                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
    signed.forEachHeader(
        (name, values) -> {
          if (!java.util.Set.of("host", "content-length").contains(name.toLowerCase())) {
            http.header(name, values.get(0));
          }
        });
    try {
      // a connection of its own each time: the platform closes one after refusing a request,
      // and a pooled connection the client has not yet seen close would fail the next request
      java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
      var response = client.send(http.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      return answer(
          response.statusCode(),
          response.headers().firstValue("x-amzn-ErrorType").orElse(null),
          response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Through HttpURLConnection, which sends a path exactly as written (no PATCH here). */
  private static Answer sendRaw(Case request, SdkHttpRequest signed, byte[] body)
      throws IOException {
    HttpURLConnection connection =
        (HttpURLConnection) new URL(fixture.endpoint() + request.path()).openConnection();
    connection.setRequestMethod(request.method());
    signed.forEachHeader(
        (name, values) -> {
          if (!name.equalsIgnoreCase("Host")) {
            connection.setRequestProperty(name, values.get(0));
          }
        });
    if (body.length > 0) {
      connection.setDoOutput(true);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
    }
    int status = connection.getResponseCode();
    InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    String text = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    return answer(status, connection.getHeaderField("x-amzn-ErrorType"), text);
  }

  private static Answer answer(int status, String errorType, String text) {
    JsonNode json = text.isEmpty() ? Json.MAPPER.createObjectNode() : Json.read(text);
    String code = errorType != null ? errorType : json.path("__type").asText(null);
    if (code != null) {
      code = code.substring(code.lastIndexOf('#') + 1).split(":")[0];
    }
    String message = json.path("message").asText(json.path("Message").asText(""));
    return new Answer(status, code, message, text);
  }
}
