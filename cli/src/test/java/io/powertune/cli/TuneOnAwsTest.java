package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code tune}, {@code install} and {@code uninstall} refuse about AWS before any call: one
 * line naming the flag and the fix.
 */
class TuneOnAwsTest {

  private static final String ARN = "arn:aws:states:eu-west-1:123456789012:stateMachine:powertune";

  @TempDir Path fresh;

  private CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--state-dir", fresh.resolve("state").toString()));
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void tuneOnAwsWithoutAStateMachine_exits2SayingWhereOneComesFrom() {
    CliRun tune = run("tune", "--aws", "--function", "f");

    assertThat(tune.exitCode()).isEqualTo(2);
    assertThat(tune.errLines())
        .containsExactly(
            "powertune: --aws: tuning on AWS uses a deployed tuner: give --state-machine-arn"
                + " (powertune install --aws prints it; a stack of infra/template.yaml outputs it"
                + " as StateMachineARN)");
  }

  @Test
  void aStateMachineArnThatIsNotOne_exits2() {
    CliRun tune = run("tune", "--state-machine-arn", "powertune", "--function", "f");

    assertThat(tune.exitCode()).isEqualTo(2);
    assertThat(tune.err())
        .startsWith("powertune: --state-machine-arn: 'powertune' is not a state machine ARN");
  }

  @Test
  void aRegionOtherThanTheStateMachines_exits2() {
    CliRun tune =
        run("tune", "--state-machine-arn", ARN, "--region", "us-east-1", "--function", "f");

    assertThat(tune.exitCode()).isEqualTo(2);
    assertThat(tune.errLines())
        .containsExactly(
            "powertune: --region: us-east-1 is not the region of --state-machine-arn"
                + " (eu-west-1); leave --region out, the tuner runs where its state machine is");
  }

  @Test
  void deployOnAws_exits2() {
    CliRun tune =
        run(
            "tune",
            "--state-machine-arn",
            ARN,
            "--function",
            "f",
            "--deploy",
            "examples/functions/io-python",
            "--runtime",
            "python3.12",
            "--handler",
            "app.handler");

    assertThat(tune.exitCode()).isEqualTo(2);
    assertThat(tune.err()).startsWith("powertune: --deploy: deploys to a platform only");
  }

  @Test
  void aProfileWithNoCredentials_exits2SayingHowToGiveThem() {
    CliRun install =
        run("install", "--profile", "powertune-test-no-such-profile", "--region", "eu-west-1");

    assertThat(install.exitCode()).as(install.err()).isEqualTo(2);
    assertThat(install.err()).doesNotContain("Exception");
    assertThat(install.errLines())
        .endsWith(
            "powertune: no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID and"
                + " AWS_SECRET_ACCESS_KEY, run aws configure (or aws sso login), or name a"
                + " profile with --profile");
  }

  @Test
  void installTimeoutOutOfRange_exits2() {
    CliRun install = run("install", "--timeout", "5");

    assertThat(install.exitCode()).isEqualTo(2);
    assertThat(install.errLines())
        .containsExactly("powertune: --timeout: must be 10 to 900 seconds; got 5");
  }
}
