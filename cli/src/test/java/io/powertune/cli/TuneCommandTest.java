package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invalid input to {@code tune} is refused before a platform is even started. */
class TuneCommandTest {

  @TempDir Path fresh;

  private CliRun tune(String... args) {
    List<String> all =
        new ArrayList<>(List.of("tune", "--state-dir", fresh.resolve("state").toString()));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void numBelowFive_exits2NamingTheFlag() {
    CliRun run = tune("--function", "f", "--num", "3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly("powertune: --num: expected a whole number from 5 to 1000, got 3");
    assertThat(fresh.resolve("state")).doesNotExist();
  }

  @Test
  void sizeLambdaRefuses_exits2NamingTheFlag() {
    CliRun run = tune("--function", "f", "--powers", "128,64");

    assertThat(run.errLines())
        .containsExactly(
            "powertune: --powers: 64 MB is outside what Lambda accepts; use 128 to 10240 MB");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void badStrategyInTheInputFile_namesTheFileAndField() throws Exception {
    Path file = fresh.resolve("input.json");
    Files.writeString(file, "{\"lambdaARN\": \"f\", \"num\": 10, \"strategy\": \"fastest\"}");

    CliRun run = tune("--input", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "powertune: --input "
                + file
                + ": strategy: unknown strategy 'fastest'; use one of cost, speed, balanced");
  }

  @Test
  void weightedPayloadsMoreThanNum_exits2() {
    CliRun run =
        tune(
            "--function",
            "f",
            "--num",
            "5",
            "--payload",
            "[{\"payload\":1,\"weight\":1},{\"payload\":2,\"weight\":1},{\"payload\":3,\"weight\":1},"
                + "{\"payload\":4,\"weight\":1},{\"payload\":5,\"weight\":1},{\"payload\":6,\"weight\":1}]");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "powertune: --payload: you have 6 weighted payloads and only num=5; increase num to"
                + " at least 6");
  }

  @Test
  void runtimeWithoutDeploy_exits2() {
    CliRun run = tune("--function", "f", "--runtime", "python3.12");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly("powertune: --runtime: only means something with --deploy PATH");
  }

  @Test
  void noFunction_exits2() {
    CliRun run = tune("--num", "10");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "powertune: --function: missing; name the function to tune (or give lambdaARN in"
                + " --input)");
  }

  @Test
  void baselineThatIsMissing_exits2BeforeAnythingRuns() {
    CliRun run = tune("--function", "f", "--baseline", fresh.resolve("old.json").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly("powertune: --baseline: no such file: " + fresh.resolve("old.json"));
    assertThat(fresh.resolve("state")).doesNotExist();
  }

  @Test
  void maxRegressionThatIsNotAPercentage_exits2() throws Exception {
    Path old = Files.writeString(fresh.resolve("old.json"), "null");
    Path good = fresh.resolve("good.json");
    try (var in = getClass().getResourceAsStream("/fixtures/cpu-bound.json")) {
      Files.copy(in, good);
    }

    CliRun dryRun = tune("--function", "f", "--baseline", old.toString());
    CliRun percent =
        tune("--function", "f", "--baseline", good.toString(), "--max-regression", "lots");

    assertThat(dryRun.exitCode()).isEqualTo(2);
    assertThat(dryRun.err()).contains("is a dry run's output (null): there is nothing to report");
    assertThat(percent.exitCode()).isEqualTo(2);
    assertThat(percent.errLines())
        .containsExactly("powertune: --max-regression: 'lots' is not a percentage; give e.g. 5%");
  }

  @Test
  void help_listsTheExitCodes() {
    CliRun run = CliRun.of("tune", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("--function=ARN|NAME")
        .contains("2   invalid input, found before anything was published or invoked")
        .contains("3   the tuning failed (its cause is printed)");
  }
}
