package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's main flows driven by the AWS CLI as a subprocess: a second, independent client
 * whose requests botocore signs without any help from the Java SDK.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsCliIT {

  private static final String ACCOUNT = "000000000000";
  private static final String REGION = "us-east-1";
  private static final long TIMEOUT_MINUTES = 2;
  private static final int MAX_ATTEMPTS = 50;

  @TempDir static Path tempDir;
  private PlatformFixture fixture;
  private Path work;
  private Path zipFile;
  private boolean cliV1;

  /** What one {@code aws} run printed and how it exited. */
  private record CliResult(List<String> args, int exitCode, String stdout, String stderr) {

    JsonNode json() {
      return stdout.isBlank() ? MissingNode.getInstance() : Json.read(stdout);
    }

    String describe() {
      return "aws " + String.join(" ", args) + " exited " + exitCode + "\nstderr: " + stderr;
    }
  }

  @BeforeAll
  void start() throws Exception {
    String version = cliVersion();
    if (version == null) {
      String reason = "AwsCliIT skipped: the AWS CLI is not installed (apt-get install awscli)";
      System.out.println(reason);
      Assumptions.assumeTrue(false, reason);
    }
    // CLI v1 base64-encodes blob arguments itself and rejects --cli-binary-format; v2 needs it.
    cliV1 = version.contains("aws-cli/1.");
    Path stateDir = Files.createDirectories(tempDir.resolve("state"));
    work = Files.createDirectories(tempDir.resolve("cli"));
    Files.writeString(work.resolve("config"), "");
    Files.writeString(work.resolve("credentials"), "");
    zipFile = work.resolve("python.zip");
    Files.write(zipFile, Zips.of(Zips.example("python")).asByteArray());
    fixture = new PlatformFixture(stateDir);
  }

  @AfterAll
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void createFunction_waiterAndConfiguration_areAccepted() {
    JsonNode created = createFunction("cli-create");

    assertThat(created.path("FunctionName").asText()).isEqualTo("cli-create");
    assertThat(created.path("FunctionArn").asText()).isEqualTo(functionArn("cli-create"));
    JsonNode config =
        aws("lambda", "get-function-configuration", "--function-name", "cli-create").json();
    assertThat(config.path("State").asText()).isEqualTo("Active");
    assertThat(config.path("MemorySize").asInt()).isEqualTo(128);
    assertThat(config.path("Runtime").asText()).isEqualTo("python3.12");
    assertThat(config.path("Handler").asText()).isEqualTo("app.handler");
  }

  @Test
  void updatePublishAndAliases_roundTrip_throughCli() {
    String name = "cli-alias";
    createFunction(name);

    aws("lambda", "update-function-configuration", "--function-name", name, "--memory-size", "512");
    aws("lambda", "wait", "function-updated-v2", "--function-name", name);
    JsonNode published = aws("lambda", "publish-version", "--function-name", name).json();
    assertThat(published.path("Version").asText()).isEqualTo("1");
    assertThat(published.path("MemorySize").asInt()).isEqualTo(512);

    aws(
        "lambda",
        "create-alias",
        "--function-name",
        name,
        "--name",
        "RAM512",
        "--function-version",
        "1");
    JsonNode alias = aws("lambda", "get-alias", "--function-name", name, "--name", "RAM512").json();
    assertThat(alias.path("FunctionVersion").asText()).isEqualTo("1");
    JsonNode aliases = aws("lambda", "list-aliases", "--function-name", name).json();
    assertThat(aliases.path("Aliases").findValuesAsText("Name")).contains("RAM512");

    aws("lambda", "delete-alias", "--function-name", name, "--name", "RAM512");
    CliResult missing =
        awsFails("lambda", "get-alias", "--function-name", name, "--name", "RAM512");
    assertThat(missing.exitCode()).as(missing.describe()).isIn(254, 255);
    assertThat(missing.stderr()).contains("ResourceNotFoundException");
  }

  @Test
  void invoke_byNameAndByArn_returnsPayloadAndTail() throws IOException {
    String name = "cli-invoke";
    createFunction(name);

    assertInvokeGreets(List.of("--function-name", name), work.resolve("by-name.json"));
    assertInvokeGreets(
        List.of("--function-name", functionArn(name), "--qualifier", "$LATEST"),
        work.resolve("by-arn.json"));
  }

  @Test
  void listFunctions_paginatesWithMaxItems() {
    createFunction("cli-list-a");
    createFunction("cli-list-b");

    JsonNode all = aws("lambda", "list-functions").json();
    assertThat(all.path("Functions").findValuesAsText("FunctionName"))
        .contains("cli-list-a", "cli-list-b");
    JsonNode first = aws("lambda", "list-functions", "--max-items", "1").json();
    assertThat(first.path("Functions").size()).isEqualTo(1);
    assertThat(first.path("NextToken").asText()).isNotEmpty();
    JsonNode second =
        aws(
                "lambda",
                "list-functions",
                "--max-items",
                "1",
                "--starting-token",
                first.path("NextToken").asText())
            .json();
    assertThat(second.path("Functions").size()).isEqualTo(1);
    assertThat(second.path("Functions").get(0).path("FunctionName").asText())
        .isNotEqualTo(first.path("Functions").get(0).path("FunctionName").asText());
  }

  @Test
  void logs_afterInvoke_streamsAndReportEventsAreVisible() throws IOException {
    String name = "cli-logs";
    String group = "/aws/lambda/" + name;
    createFunction(name);
    invoke(List.of("--function-name", name), work.resolve("logs.json"));

    // The platform stores log lines from a background writer, so the group and its events appear
    // shortly after the invoke; each CLI run takes long enough that no extra pause is needed.
    AtomicReference<JsonNode> events = new AtomicReference<>();
    eventually(
        () -> {
          CliResult result =
              run(
                  Map.of(),
                  List.of(
                      "logs",
                      "filter-log-events",
                      "--log-group-name",
                      group,
                      "--filter-pattern",
                      "REPORT"));
          if (result.exitCode() != 0) {
            return false;
          }
          events.set(result.json().path("events"));
          return events.get().size() > 0;
        });

    assertThat(events.get().findValuesAsText("message"))
        .allSatisfy(message -> assertThat(message).startsWith("REPORT RequestId:"));
    JsonNode streams = aws("logs", "describe-log-streams", "--log-group-name", group).json();
    assertThat(streams.path("logStreams").size()).isGreaterThanOrEqualTo(1);
    assertThat(streams.path("logStreams").get(0).path("logStreamName").asText())
        .contains("[$LATEST]");
  }

  @Test
  void errors_missingFunctionAndWrongSecret_haveAwsShapes() {
    CliResult missing = awsFails("lambda", "get-function", "--function-name", "cli-missing");
    assertThat(missing.stderr())
        .contains("ResourceNotFoundException")
        .contains("Function not found: " + functionArn("cli-missing"));

    CliResult forged =
        run(
            Map.of("AWS_SECRET_ACCESS_KEY", "not-the-" + secretKey()),
            List.of("lambda", "list-functions"));
    assertThat(forged.exitCode()).as(forged.describe()).isNotZero();
    assertThat(forged.stderr()).contains("InvalidSignatureException");
  }

  @Test
  void stepFunctions_createStartDescribeAndHistory_throughCli() {
    createFunction("cli-sfn");
    String definition =
        "{\"StartAt\":\"Greet\",\"States\":{\"Greet\":{\"Type\":\"Task\",\"Resource\":\""
            + functionArn("cli-sfn")
            + "\",\"End\":true}}}";
    String machine =
        aws(
                "stepfunctions",
                "create-state-machine",
                "--name",
                "cli-machine",
                "--definition",
                definition,
                "--role-arn",
                PlatformFixture.ROLE)
            .json()
            .path("stateMachineArn")
            .asText();
    String execution =
        aws(
                "stepfunctions",
                "start-execution",
                "--state-machine-arn",
                machine,
                "--input",
                "{\"name\":\"sfn\"}")
            .json()
            .path("executionArn")
            .asText();
    eventually(
        () ->
            !aws("stepfunctions", "describe-execution", "--execution-arn", execution)
                .json()
                .path("status")
                .asText()
                .equals("RUNNING"));
    JsonNode done = aws("stepfunctions", "describe-execution", "--execution-arn", execution).json();
    JsonNode history =
        aws("stepfunctions", "get-execution-history", "--execution-arn", execution).json();
    CliResult missing =
        awsFails(
            "stepfunctions", "describe-state-machine", "--state-machine-arn", machine + "-missing");

    assertThat(machine)
        .isEqualTo("arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:cli-machine");
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
    assertThat(done.path("output").asText()).contains("Hello, sfn!");
    List<String> types = new ArrayList<>();
    history.path("events").forEach(e -> types.add(e.path("type").asText()));
    assertThat(types)
        .startsWith("ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled")
        .endsWith("TaskStateExited", "ExecutionSucceeded");
    assertThat(missing.stderr())
        .contains("StateMachineDoesNotExist")
        .contains("State Machine Does Not Exist: '" + machine + "-missing'");
  }

  private JsonNode createFunction(String name) {
    JsonNode created =
        aws(
                "lambda",
                "create-function",
                "--function-name",
                name,
                "--runtime",
                "python3.12",
                "--handler",
                "app.handler",
                "--role",
                PlatformFixture.ROLE,
                "--zip-file",
                "fileb://" + zipFile)
            .json();
    aws("lambda", "wait", "function-active-v2", "--function-name", name);
    return created;
  }

  private void assertInvokeGreets(List<String> target, Path outFile) throws IOException {
    JsonNode response = invoke(target, outFile);

    assertThat(response.path("StatusCode").asInt()).isEqualTo(200);
    assertThat(response.has("FunctionError")).as(response.toString()).isFalse();
    String tail =
        new String(
            Base64.getDecoder().decode(response.path("LogResult").asText()),
            StandardCharsets.UTF_8);
    assertThat(tail).contains("REPORT RequestId:");
    assertThat(Files.readString(outFile)).contains("Hello, cli!");
  }

  private JsonNode invoke(List<String> target, Path outFile) {
    List<String> args = new ArrayList<>(List.of("lambda", "invoke"));
    args.addAll(target);
    args.addAll(List.of("--payload", "{\"name\":\"cli\"}"));
    if (!cliV1) {
      args.addAll(List.of("--cli-binary-format", "raw-in-base64-out"));
    }
    args.addAll(List.of("--log-type", "Tail", outFile.toString()));
    return aws(args.toArray(String[]::new)).json();
  }

  /** Re-runs {@code attempt} until it answers true, at most {@value #MAX_ATTEMPTS} times. */
  private static void eventually(Supplier<Boolean> attempt) {
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      if (attempt.get()) {
        return;
      }
    }
    fail("condition still false after " + MAX_ATTEMPTS + " attempts");
  }

  private CliResult aws(String... args) {
    CliResult result = run(Map.of(), List.of(args));
    assertThat(result.exitCode()).as(result.describe()).isZero();
    return result;
  }

  private CliResult awsFails(String... args) {
    CliResult result = run(Map.of(), List.of(args));
    assertThat(result.exitCode()).as(result.describe()).isNotZero();
    return result;
  }

  private CliResult run(Map<String, String> envOverrides, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add("aws");
    command.addAll(args);
    command.addAll(List.of("--endpoint-url", fixture.endpoint().toString(), "--output", "json"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", fixture.platform().credentials().accessKeyId());
    env.put("AWS_SECRET_ACCESS_KEY", secretKey());
    env.put("AWS_DEFAULT_REGION", REGION);
    env.put("AWS_PAGER", "");
    env.put("AWS_CONFIG_FILE", work.resolve("config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("credentials").toString());
    env.putAll(envOverrides);
    try {
      Path stdout = Files.createTempFile(work, "stdout", ".txt");
      Path stderr = Files.createTempFile(work, "stderr", ".txt");
      builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail("aws " + String.join(" ", args) + " did not finish in " + TIMEOUT_MINUTES + " min");
      }
      return new CliResult(
          args, process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    } catch (IOException e) {
      throw new AssertionError("could not run aws " + String.join(" ", args), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running aws " + String.join(" ", args), e);
    }
  }

  private String secretKey() {
    return fixture.platform().credentials().secretAccessKey();
  }

  private static String functionArn(String name) {
    return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name;
  }

  /** What {@code aws --version} printed, or null when the CLI cannot run. */
  private static String cliVersion() {
    try {
      Process process = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return null;
      }
      return process.exitValue() == 0 && output.contains("aws-cli/") ? output : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
