package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.platform.Eventually;
import io.powertune.tuner.TunerFunctions;
import io.powertune.tuner.TunerFunctions.TunerFunction;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;

/**
 * {@code powertune install} where IAM is served, as on AWS: against moto's server (an independent
 * emulation of IAM, Lambda, Logs and Step Functions), run as users run it, a process with
 * credentials in its environment. Each function gets a role of its own whose policy grants exactly
 * its step's Lambda actions; the state machine's role may only invoke the seven functions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstallOnMotoIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String ACCOUNT = "123456789012";

  private Path home;
  private Process moto;
  private URI endpoint;

  @BeforeAll
  void startMoto(@TempDir Path dir) throws Exception {
    home = dir;
    boolean present = onPath("moto_server");
    if (!present) {
      System.out.println(
          "InstallOnMotoIT skipped: moto_server (pip install 'moto[server]') is missing");
    }
    assumeTrue(present, "moto_server is not installed");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    moto =
        new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("moto.log").toFile())
            .start();
    endpoint = URI.create("http://127.0.0.1:" + port);
    HttpClient http = HttpClient.newHttpClient();
    Eventually.until(
        "moto answers",
        Duration.ofSeconds(60),
        () -> answers(http, endpoint.resolve("/moto-api/")));
  }

  @AfterAll
  void stopMoto() throws InterruptedException {
    if (moto != null) {
      moto.destroy();
      moto.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void install_createsALeastPrivilegeRolePerStep_isIdempotent_andUninstallRemovesIt()
      throws Exception {
    Result installed = powertune("install", "--endpoint", endpoint.toString());
    Result again = powertune("install", "--endpoint", endpoint.toString());

    assertThat(installed.exitCode()).as(installed.err()).isZero();
    String arn = installed.out().strip();
    assertThat(arn).startsWith("arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:powertune");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).contains("already installed and up to date");
    try (IamClient iam = client(IamClient.builder()).build();
        LambdaClient lambda = client(LambdaClient.builder()).build();
        SfnClient sfn = client(SfnClient.builder()).build()) {
      for (TunerFunction function : TunerFunctions.ALL) {
        FunctionConfiguration config =
            lambda.getFunction(r -> r.functionName(function.name())).configuration();
        String roleName = function.name() + "-us-east-1"; // IAM is global: the region is named
        assertThat(config.role()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/" + roleName);
        JsonNode policy = inlinePolicy(iam, roleName);
        assertThat(lambdaActions(policy)).isEqualTo(function.lambdaActions());
        assertThat(policy.toString()).contains("/aws/lambda/" + function.name());
        assertThat(trustedService(iam, roleName)).isEqualTo("lambda.amazonaws.com");
        assertThat(
                lambda
                    .getAlias(r -> r.functionName(function.name()).name("live"))
                    .functionVersion())
            .isEqualTo("1");
      }
      DescribeStateMachineResponse machine = sfn.describeStateMachine(r -> r.stateMachineArn(arn));
      String machineRole = "powertune-state-machine-us-east-1";
      assertThat(machine.roleArn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/" + machineRole);
      assertThat(trustedService(iam, machineRole)).isEqualTo("states.amazonaws.com");
      JsonNode machinePolicy = inlinePolicy(iam, machineRole);
      assertThat(lambdaActions(machinePolicy)).containsExactly("lambda:InvokeFunction");
      assertThat(machine.definition())
          .contains(":function:powertune-executor:live")
          .doesNotContain("${");

      // a second region's tuner has roles of its own: installing and removing it leaves these be
      Result other =
          powertune("install", "--endpoint", endpoint.toString(), "--region", "eu-west-1");
      Result otherRemoved =
          powertune("uninstall", "--endpoint", endpoint.toString(), "--region", "eu-west-1");
      assertThat(other.exitCode()).as(other.err()).isZero();
      assertThat(otherRemoved.exitCode()).as(otherRemoved.err()).isZero();
      assertThat(otherRemoved.out()).contains("removed role powertune-executor-eu-west-1");
      assertThat(inlinePolicy(iam, machineRole)).isEqualTo(machinePolicy);
      assertThat(inlinePolicy(iam, "powertune-executor-us-east-1").toString())
          .contains("lambda:InvokeFunction");

      Result removed = powertune("uninstall", "--endpoint", endpoint.toString());

      assertThat(removed.exitCode()).as(removed.err()).isZero();
      assertThat(removed.out()).contains("removed role powertune-executor-us-east-1");
      for (TunerFunction function : TunerFunctions.ALL) {
        assertThat(
                org.assertj.core.api.Assertions.catchThrowable(
                    () -> iam.getRole(r -> r.roleName(function.name() + "-us-east-1"))))
            .isInstanceOf(NoSuchEntityException.class);
      }
    }
  }

  private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B client(
      B builder) {
    return builder
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
  }

  private static JsonNode inlinePolicy(IamClient iam, String role) throws IOException {
    String document =
        iam.getRolePolicy(r -> r.roleName(role).policyName("powertune")).policyDocument();
    return TunerFixture.JSON.readTree(URLDecoder.decode(document, StandardCharsets.UTF_8));
  }

  private static String trustedService(IamClient iam, String role) throws IOException {
    String document = iam.getRole(r -> r.roleName(role)).role().assumeRolePolicyDocument();
    return TunerFixture.JSON
        .readTree(URLDecoder.decode(document, StandardCharsets.UTF_8))
        .at("/Statement/0/Principal/Service")
        .asText();
  }

  /** Every lambda: action the policy allows. */
  private static Set<String> lambdaActions(JsonNode policy) {
    Set<String> actions = new HashSet<>();
    for (JsonNode statement : policy.path("Statement")) {
      JsonNode action = statement.path("Action");
      List<JsonNode> all = new ArrayList<>();
      if (action.isArray()) {
        action.forEach(all::add);
      } else {
        all.add(action);
      }
      all.stream().map(JsonNode::asText).filter(a -> a.startsWith("lambda:")).forEach(actions::add);
    }
    return actions;
  }

  private record Result(int exitCode, String out, String err) {}

  private Result powertune(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("powertune").toString()));
    command.addAll(List.of(args));
    File err = home.resolve("err-" + System.nanoTime() + ".txt").toFile();
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(ROOT.toFile()).redirectError(err);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_REGION", "us-east-1");
    env.put("HOME", home.toString()); // no ~/.aws of the machine's
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Result(process.exitValue(), out, Files.readString(err.toPath()));
  }

  private static boolean answers(HttpClient http, URI uri) {
    try {
      return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
