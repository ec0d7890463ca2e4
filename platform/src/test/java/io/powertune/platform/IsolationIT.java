package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.platform.resources.FunctionUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Functions tried as hostile code would try things, where the platform runs as root: each runs as a
 * user of its own, without capabilities, and reaches neither the state directory, nor another
 * function's code or Runtime API, nor more processes than Lambda allows; ending its environment
 * kills what it left behind.
 */
class IsolationIT {

  @TempDir static Path stateDir;
  private static PlatformFixture fixture;
  private static LambdaClient lambda;

  @BeforeAll
  static void start() throws Exception {
    fixture = new PlatformFixture(stateDir);
    boolean isolated = fixture.platform().isolatesFunctions();
    if (!isolated) {
      System.out.println(
          "IsolationIT skipped: functions run " + fixture.platform().functionUsers());
      fixture.close();
    }
    assumeTrue(isolated, () -> "functions run " + fixture.platform().functionUsers());
    lambda = fixture.lambda();
    for (String name : new String[] {"attacker", "victim"}) {
      fixture.create(
          lambda,
          name,
          Runtime.PYTHON3_11,
          "handler.dispatch",
          Zips.testFunction("python-security"),
          1024,
          30);
    }
  }

  @AfterAll
  static void stop() {
    if (lambda != null) {
      fixture.close();
    }
  }

  @Test
  void function_runsAsAnUnprivilegedUserOfItsOwn_withoutCapabilities() {
    JsonNode attacker = call("attacker", "handler.whoami", Map.of());
    JsonNode victim = call("victim", "handler.whoami", Map.of());

    assertThat(attacker.get("uid").asInt()).isGreaterThanOrEqualTo(FunctionUsers.FIRST_ID);
    assertThat(victim.get("uid").asInt())
        .isGreaterThanOrEqualTo(FunctionUsers.FIRST_ID)
        .isNotEqualTo(attacker.get("uid").asInt());
    assertThat(attacker.get("capEff").asText()).isEqualTo("0000000000000000");
    assertThat(attacker.get("noNewPrivs").asText()).isEqualTo("1");
    assertThat(attacker.get("groups")).allMatch(g -> g.asInt() == attacker.get("uid").asInt());
    assertThat(attacker.get("taskRoot").asText()).isEqualTo("/var/task");
  }

  @Test
  void function_readsNeitherTheStateDirectory_norAnotherFunctionsCode() {
    String victimCode =
        stateDir
            .resolve("code")
            .resolve(
                HexFormat.of()
                    .formatHex(
                        Base64.getDecoder()
                            .decode(
                                lambda
                                    .getFunctionConfiguration(r -> r.functionName("victim"))
                                    .codeSha256())))
            .resolve("handler.py")
            .toString();
    String[] paths = {
      stateDir.toString(),
      stateDir.resolve("state.db").toString(),
      stateDir.resolve("credentials").toString(),
      stateDir.resolve("code").toString(),
      victimCode,
      stateDir.resolve("tmp").toString(),
      "/root"
    };

    JsonNode results = call("attacker", "handler.read_paths", Map.of("paths", paths));

    for (String path : paths) {
      assertThat(results.get(path).asText()).as(path).isNotEqualTo("read");
    }
    assertThat(
            call("attacker", "handler.read_paths", Map.of("paths", new String[] {"/var/task"}))
                .get("/var/task")
                .asText())
        .isEqualTo("read");
  }

  @Test
  void function_cannotChangeItsCode_butWritesItsTmp() {
    JsonNode results =
        call(
            "attacker", "handler.write_paths", Map.of("paths", new String[] {"/var/task", "/tmp"}));

    assertThat(results.get("/var/task").asText()).isNotEqualTo("written");
    assertThat(results.get("/tmp").asText()).isEqualTo("written");
  }

  @Test
  void runtimeApi_ofAnotherEnvironment_servesNeitherAFunctionNorRoot_andItsOwnerIsUnaffected()
      throws Exception {
    String victimApi =
        call("victim", "handler.credentials", Map.of())
            .at("/variables/AWS_LAMBDA_RUNTIME_API")
            .asText();

    JsonNode probe = call("attacker", "handler.probe_runtime_api", Map.of("runtimeApi", victimApi));
    HttpResponse<String> fromRoot =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://" + victimApi + "/2018-06-01/runtime/invocation/next"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(probe.get("status").asInt()).isEqualTo(403);
    assertThat(fromRoot.statusCode()).isEqualTo(403);
    assertThat(call("victim", "handler.whoami", Map.of()).get("uid").asInt())
        .isGreaterThanOrEqualTo(FunctionUsers.FIRST_ID);
  }

  @Test
  void endingAnEnvironment_killsTheProcessesThatLeftItsTree() {
    fixture.create(
        lambda,
        "daemonizes",
        Runtime.PYTHON3_11,
        "handler.dispatch",
        Zips.testFunction("python-security"),
        256,
        30);
    long pid = call("daemonizes", "handler.double_fork", Map.of()).get("pid").asLong();
    assertThat(ProcessHandle.of(pid)).isPresent();

    lambda.deleteFunction(r -> r.functionName("daemonizes"));

    Eventually.until(
        "the daemon of the deleted function's environment is gone",
        Duration.ofSeconds(30),
        () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
  }

  @Test
  void forkingWithoutEnd_stopsAtLambdasProcessLimit() {
    JsonNode result = call("attacker", "handler.fork_many", Map.of("count", 1100));

    assertThat(result.get("started").asInt()).isLessThan(1024);
    assertThat(result.get("refused").asText()).isNotEmpty();
  }

  /** Calls {@code action} of the test function in the function's environment. */
  private static JsonNode call(String function, String action, Map<String, ?> event) {
    Map<String, Object> withAction = new java.util.HashMap<>(event);
    withAction.put("action", action.substring(action.indexOf('.') + 1));
    String payload = Json.write(withAction);
    return Json.read(
        lambda
            .invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String(payload)))
            .payload());
  }
}
