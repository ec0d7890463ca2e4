package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.platform.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code powertune function ...}: deploy, list, invoke, logs and delete, and their refusals. */
class FunctionCommandIT extends TuningSuite {

  private CliRun function(String... args) {
    List<String> all = new ArrayList<>(List.of("function"));
    all.addAll(List.of(args));
    all.addAll(
        List.of(
            "--state-dir",
            tuner.stateDir().toString(),
            "--endpoint",
            tuner.platform().endpoint().toString()));
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void deployListInvokeLogsDelete_theLifeOfAFunction() {
    String code = TunerFixture.testFunction("echo-python").toString();

    CliRun deployed =
        function(
            "deploy",
            "hello",
            code,
            "--runtime",
            "python3.12",
            "--handler",
            "app.echo",
            "--memory",
            "256");
    CliRun listed = function("list");
    CliRun invoked = function("invoke", "hello", "--payload", "{\"greeting\": \"hi\"}", "--log");
    Eventually.until(
        "the invocation's log",
        Duration.ofSeconds(10),
        () -> function("logs", "hello", "--filter", "REPORT").out().contains("REPORT RequestId"));
    CliRun logs = function("logs", "hello");
    CliRun deleted = function("delete", "hello");
    CliRun gone = function("invoke", "hello");

    assertThat(deployed.exitCode()).as(deployed.err()).isZero();
    assertThat(deployed.out())
        .contains("arn:aws:lambda:us-east-1:000000000000:function:hello (python3.12, 256 MB)");
    assertThat(listed.out()).containsPattern("hello\\s+python3.12\\s+256 MB");
    assertThat(invoked.exitCode()).isZero();
    assertThat(invoked.out().strip()).isEqualTo("{\"greeting\": \"hi\"}");
    assertThat(invoked.err())
        .contains("payload {\"greeting\": \"hi\"}")
        .contains("REPORT RequestId: ");
    assertThat(logs.out()).contains("START RequestId: ").contains("payload {\"greeting\": \"hi\"}");
    assertThat(deleted.out()).contains("deleted hello");
    assertThat(gone.exitCode()).isEqualTo(2);
    assertThat(gone.err()).contains("powertune: NAME: no function hello in us-east-1 at ");
  }

  @Test
  void invoke_functionThatFails_printsItsError_andExits3() {
    tuner.deployPython("fails", "app.fail", TunerFixture.testFunction("echo-python"));

    CliRun run = function("invoke", "fails");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).contains("\"errorType\": \"RuntimeError\"");
  }

  @Test
  void deploy_unknownRuntime_exits2WithThePlatformsReason() {
    CliRun run =
        function(
            "deploy",
            "odd",
            TunerFixture.testFunction("echo-python").toString(),
            "--runtime",
            "cobol85",
            "--handler",
            "app.echo");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("powertune: PATH: the platform refused").contains("cobol85");
  }

  @Test
  void logs_ofAFunctionThatNeverRan_exits2() {
    CliRun run = function("logs", "never-ran");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no log group /aws/lambda/never-ran");
  }

  @Test
  void deploy_withoutRuntime_exits2NamingTheFlag() {
    CliRun run = function("deploy", "x", "somewhere");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required options").contains("--runtime");
  }
}
