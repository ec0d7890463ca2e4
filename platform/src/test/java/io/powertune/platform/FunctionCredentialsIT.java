package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * A function gets session credentials of its own environment, never the platform's key pair, and
 * what it was given stops working when its environment ends.
 */
class FunctionCredentialsIT {

  @TempDir static Path stateDir;
  private static PlatformFixture fixture;
  private static LambdaClient lambda;

  @BeforeAll
  static void start() throws Exception {
    fixture = new PlatformFixture(stateDir);
    lambda = fixture.lambda();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void function_neverSeesThePlatformsSecret_andGetsSessionCredentialsOfItsOwn() {
    deploy("sees-credentials");

    JsonNode given = credentialsOf("sees-credentials");

    String adminSecret = fixture.platform().credentials().secretAccessKey();
    assertThat(given.get("variables").toString()).doesNotContain(adminSecret);
    assertThat(given.get("accessKeyId").asText())
        .startsWith("ASIA")
        .isNotEqualTo(fixture.platform().credentials().accessKeyId());
    assertThat(given.get("sessionToken").asText()).isNotBlank();
    assertThat(listFunctionsAs(session(given))).isTrue();
  }

  @Test
  void functionsCredentials_withoutTheirToken_areRefused() {
    deploy("token-needed");
    JsonNode given = credentialsOf("token-needed");

    AwsCredentials keyOnly =
        AwsBasicCredentials.create(
            given.get("accessKeyId").asText(), given.get("secretAccessKey").asText());

    assertThatThrownBy(() -> listFunctionsAs(keyOnly))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            });
  }

  @Test
  void functionsCredentials_stopWorking_whenItsEnvironmentEnds() {
    deploy("leaks-credentials");
    AwsCredentials leaked = session(credentialsOf("leaks-credentials"));
    assertThat(listFunctionsAs(leaked)).isTrue();

    lambda.deleteFunction(r -> r.functionName("leaks-credentials"));

    Eventually.until(
        "the deleted function's credentials are refused",
        Duration.ofSeconds(30),
        () -> refused(leaked));
  }

  @Test
  void twoEnvironments_getDifferentCredentials() {
    deploy("first-env");
    deploy("second-env");

    assertThat(credentialsOf("first-env").get("accessKeyId").asText())
        .isNotEqualTo(credentialsOf("second-env").get("accessKeyId").asText());
  }

  private static void deploy(String name) {
    fixture.create(
        lambda,
        name,
        Runtime.PYTHON3_11,
        "handler.credentials",
        Zips.testFunction("python-security"));
  }

  private static JsonNode credentialsOf(String function) {
    return Json.read(lambda.invoke(r -> r.functionName(function)).payload().asUtf8String());
  }

  private static AwsCredentials session(JsonNode given) {
    return AwsSessionCredentials.create(
        given.get("accessKeyId").asText(),
        given.get("secretAccessKey").asText(),
        given.get("sessionToken").asText());
  }

  private static boolean refused(AwsCredentials credentials) {
    try {
      listFunctionsAs(credentials);
      return false;
    } catch (AwsServiceException e) {
      return e.awsErrorDetails().errorCode().equals("UnrecognizedClientException");
    }
  }

  private static boolean listFunctionsAs(AwsCredentials credentials) {
    try (LambdaClient as =
        LambdaClient.builder()
            .endpointOverride(fixture.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(credentials))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
            .build()) {
      return as.listFunctions().functions() != null;
    }
  }
}
