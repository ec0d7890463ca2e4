package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.cli.install.FunctionDeployer;
import io.powertune.cli.install.TunerPackage;
import io.powertune.platform.PlatformFixture;
import io.powertune.tuner.TunerFunctions;
import io.powertune.tuner.TunerFunctions.TunerFunction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** {@code powertune install} and {@code uninstall} on a platform, through the command. */
class InstallCommandIT {

  @TempDir Path stateDir;

  private CliRun run(PlatformFixture platform, String command) {
    return CliRun.of(
        command, "--state-dir", stateDir.toString(), "--endpoint", platform.endpoint().toString());
  }

  /** {@code tune} of a deployed function at 128 MB, five invocations of {@code payload}. */
  private CliRun tune(PlatformFixture platform, String function, String payload) {
    return tuneWith(
        platform,
        function,
        "--powers",
        "128",
        "--num",
        "5",
        "--payload",
        payload,
        "--out",
        stateDir.resolve("out").toString());
  }

  /** {@code tune} of a deployed function on the platform, with these further flags. */
  private CliRun tuneWith(PlatformFixture platform, String function, String... flags) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "tune",
                "--state-dir",
                stateDir.toString(),
                "--endpoint",
                platform.endpoint().toString(),
                "--function",
                function));
    args.addAll(List.of(flags));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void install_deploysTheTemplatesTuner_printsItsArn_andAgainChangesNothing() throws Exception {
    try (PlatformFixture platform = new PlatformFixture(stateDir)) {
      CliRun first = run(platform, "install");
      CliRun second = run(platform, "install");

      assertThat(first.exitCode()).as(first.err()).isZero();
      String arn = first.out().strip();
      assertThat(arn).isEqualTo("arn:aws:states:us-east-1:000000000000:stateMachine:powertune");
      assertThat(first.err()).contains("installed; start a tuning with: powertune tune");
      assertThat(second.exitCode()).as(second.err()).isZero();
      assertThat(second.out().strip()).isEqualTo(arn);
      assertThat(second.err()).contains("already installed and up to date");
      LambdaClient lambda = platform.lambda();
      String definition =
          platform.sfn().describeStateMachine(r -> r.stateMachineArn(arn)).definition();
      for (TunerFunction function : TunerFunctions.ALL) {
        FunctionConfiguration live =
            lambda
                .getFunction(r -> r.functionName(function.name()).qualifier("live"))
                .configuration();
        assertThat(live.runtime()).isEqualTo(Runtime.JAVA21);
        assertThat(live.handler()).isEqualTo(function.handler());
        assertThat(live.version()).isEqualTo("1"); // the second install published nothing
        assertThat(live.codeSha256()).isEqualTo(TunerPackage.shipped().sha256());
        assertThat(live.role()).endsWith(":role/" + function.name());
        assertThat(definition)
            .contains(
                "arn:aws:lambda:us-east-1:000000000000:function:" + function.name() + ":live");
        LogGroup group =
            platform
                .logs()
                .describeLogGroups(r -> r.logGroupNamePrefix("/aws/lambda/" + function.name()))
                .logGroups()
                .get(0);
        assertThat(group.retentionInDays()).isEqualTo(7);
      }
    }
  }

  @Test
  void tune_withATunerInstalledByAnotherBuild_saysHowToUpdateIt() throws Exception {
    try (PlatformFixture platform = new PlatformFixture(stateDir)) {
      assertThat(run(platform, "install").exitCode()).isZero();
      // what an older build's install left: other code behind the Executor's live alias
      var lambda = platform.lambda();
      lambda.updateFunctionCode(
          r ->
              r.functionName("powertune-executor")
                  .zipFile(
                      software.amazon.awssdk.core.SdkBytes.fromByteArray(
                          io.powertune.cli.install.FunctionDeployer.packageOf(
                              TunerFixture.example("io-python")))));
      lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("powertune-executor"));
      String older = lambda.publishVersion(r -> r.functionName("powertune-executor")).version();
      lambda.updateAlias(
          r -> r.functionName("powertune-executor").name("live").functionVersion(older));

      new FunctionDeployer(lambda)
          .deploy(
              "stale-io",
              TunerFixture.example("io-python"),
              "python3.12",
              "app.handler",
              null,
              null);

      CliRun tune = tune(platform, "stale-io", "{}");

      assertThat(tune.err())
          .contains(
              "powertune: that tuner is from another powertune build than this one; run"
                  + " powertune install to bring it up to date");
    }
  }

  @Test
  void tuneAdaptive_withATunerFromBeforeTheRace_installedOrNamed_isRefusedWithTheFix()
      throws Exception {
    try (PlatformFixture platform = new PlatformFixture(stateDir)) {
      assertThat(run(platform, "install").exitCode()).isZero();
      // what an older build's install left: the state machine without the race
      String arn = platform.sfn().listStateMachines().stateMachines().get(0).stateMachineArn();
      String definition =
          platform.sfn().describeStateMachine(r -> r.stateMachineArn(arn)).definition();
      com.fasterxml.jackson.databind.node.ObjectNode older =
          (com.fasterxml.jackson.databind.node.ObjectNode) TunerFixture.JSON.readTree(definition);
      com.fasterxml.jackson.databind.node.ObjectNode states =
          (com.fasterxml.jackson.databind.node.ObjectNode) older.path("States");
      List.of("IsAdaptive", "RaceStart", "Racer", "IsRaceOver", "Round", "RaceOver", "RaceFailed")
          .forEach(states::remove);
      ((com.fasterxml.jackson.databind.node.ObjectNode) states.path("IsCountReached"))
          .put("Default", "Branching");
      platform.sfn().updateStateMachine(r -> r.stateMachineArn(arn).definition(older.toString()));
      new FunctionDeployer(platform.lambda())
          .deploy(
              "older-io",
              TunerFixture.example("io-python"),
              "python3.12",
              "app.handler",
              null,
              null);

      CliRun tune = tuneWith(platform, "older-io", "--powers", "128,256", "--adaptive");
      CliRun named =
          tuneWith(
              platform,
              "older-io",
              "--powers",
              "128,256",
              "--adaptive",
              "--state-machine-arn",
              arn);

      assertThat(tune.exitCode()).isEqualTo(2);
      assertThat(tune.err())
          .contains("--adaptive: the tuner powertune install put at")
          .contains("run powertune install to bring it up to date, then tune again");
      assertThat(named.exitCode()).isEqualTo(2);
      assertThat(named.err())
          .contains("--adaptive: the tuner " + arn)
          .contains("has no Racer step");
      assertThat(platform.sfn().listExecutions(r -> r.stateMachineArn(arn)).executions()).isEmpty();
    }
  }

  @Test
  void tune_afterInstall_usesTheInstalledTuner_whoseStepsDoNotRunInProcess() throws Exception {
    try (PlatformFixture platform = new PlatformFixture(stateDir)) {
      assertThat(run(platform, "install").exitCode()).isZero();
      new FunctionDeployer(platform.lambda())
          .deploy(
              "installed-io",
              TunerFixture.example("io-python"),
              "python3.12",
              "app.handler",
              null,
              null);

      CliRun tune = tune(platform, "installed-io", "{\"ms\": 10}");

      assertThat(tune.exitCode()).as(tune.err()).isZero();
      assertThat(tune.err()).contains("powertune: using the tuner powertune install put at");
      assertThat(tune.err()).doesNotContain("from another powertune build");
      FunctionConfiguration executor =
          platform
              .lambda()
              .getFunction(r -> r.functionName("powertune-executor").qualifier("live"))
              .configuration();
      assertThat(executor.environment().variables()).doesNotContainKey("POWERTUNE_IN_PROCESS");
      assertThat(executor.version()).isEqualTo("1"); // tune did not install over it
    }
  }

  @Test
  void uninstall_removesEverythingInstall_made_andThenHasNothingToRemove() throws Exception {
    try (PlatformFixture platform = new PlatformFixture(stateDir)) {
      assertThat(run(platform, "install").exitCode()).isZero();

      CliRun removed = run(platform, "uninstall");
      CliRun again = run(platform, "uninstall");

      assertThat(removed.exitCode()).as(removed.err()).isZero();
      assertThat(removed.out())
          .contains("removed state machine powertune")
          .contains("removed function powertune-executor")
          .contains("removed log group /aws/lambda/powertune-executor");
      assertThat(again.exitCode()).isZero();
      assertThat(again.err()).contains("nothing was installed in us-east-1");
      assertThat(platform.sfn().listStateMachines().stateMachines()).isEmpty();
      for (TunerFunction function : TunerFunctions.ALL) {
        assertThat(
                org.assertj.core.api.Assertions.catchThrowable(
                    () -> platform.lambda().getFunction(r -> r.functionName(function.name()))))
            .isInstanceOf(ResourceNotFoundException.class);
      }
    }
  }
}
