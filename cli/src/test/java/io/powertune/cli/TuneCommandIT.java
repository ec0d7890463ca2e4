package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.tuner.TunerFunctions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code powertune tune} as users run it: its output, files and exit codes. */
class TuneCommandIT extends TuningSuite {

  @TempDir static Path work;

  private CliRun tune(String... args) {
    List<String> all =
        new java.util.ArrayList<>(
            List.of(
                "tune",
                "--state-dir",
                tuner.stateDir().toString(),
                "--endpoint",
                tuner.platform().endpoint().toString()));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void tune_deploysTunesPrintsTheTable_andWritesResultJson() throws Exception {
    Path out = work.resolve("io-run");

    CliRun run =
        tune(
            "--deploy", TunerFixture.example("io-python").toString(),
            "--runtime", "python3.12",
            "--handler", "app.handler",
            "--function", "io-cli",
            "--powers", "128,256,512",
            "--num", "5",
            "--strategy", "cost",
            "--payload", "{\"ms\": 100}",
            "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode result = TunerFixture.JSON.readTree(out.resolve("result.json").toFile());
    assertThat(result.path("power").asInt()).isEqualTo(128);
    assertThat(run.out())
        .contains("avg ms     p50 ms     p90 ms  cost/invocation  per 1M invocations")
        .contains("  128 MB ")
        .contains("<- cost pick")
        .contains("128 MB is the cheapest of the 3 suitable sizes")
        .contains("result: " + out.resolve("result.json"))
        .contains("chart:  " + out.resolve("chart.png"))
        .contains("report: " + out.resolve("report.html"));
    assertThat(out.resolve("chart.png")).isNotEmptyFile();
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("<svg")
        .contains("data-memory=\"512\"");
    assertThat(run.err()).contains("powertune: 128 MB measured: 5 of 5 invocations");
    assertThat(run.err()).contains("powertune: tuning io-cli at 3 sizes x 5 invocations on");
    TunerFixture.FunctionState after = tuner.state(tuner.lambda(), "io-cli");
    assertThat(after.versions()).containsExactly("$LATEST");
    assertThat(after.aliases()).isEmpty();
    assertThat(after.memory()).isEqualTo(128);
  }

  @Test
  void tune_again_changesNothingInTheInstalledTuner() throws Exception {
    tuner.deployPython("again", "app.echo", TunerFixture.testFunction("echo-python"));
    TunerFixture.FunctionState before = tuner.state(tuner.lambda(), "again");
    CliRun first =
        tune("--function", "again", "--powers", "128", "--out", work.resolve("a1").toString());
    List<String> revisions = revisions();
    String definition =
        tuner
            .sfn()
            .describeStateMachine(r -> r.stateMachineArn(tuner.stateMachineArn()))
            .definition();

    CliRun second =
        tune("--function", "again", "--powers", "128", "--out", work.resolve("a2").toString());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(revisions()).isEqualTo(revisions);
    assertThat(tuner.state(tuner.lambda(), "again")).isEqualTo(before);
    assertThat(
            tuner
                .sfn()
                .describeStateMachine(r -> r.stateMachineArn(tuner.stateMachineArn()))
                .definition())
        .isEqualTo(definition);
  }

  @Test
  void tune_withABaselineItMatches_passesTheGate_andOneItIsTwiceAsSlowAs_exits4() throws Exception {
    tuner.deployPython("gated", "app.echo", TunerFixture.testFunction("echo-python"));
    Path first = work.resolve("gate-1");
    CliRun baseline =
        tune(
            "--function",
            "gated",
            "--powers",
            "128",
            "--payload",
            "{\"ms\": 50}",
            "--out",
            first.toString());
    Path fast = work.resolve("gate-fast.json");
    Files.writeString(fast, twiceAsFast(Files.readString(first.resolve("result.json"))));

    CliRun same =
        tune(
            "--function",
            "gated",
            "--powers",
            "128",
            "--payload",
            "{\"ms\": 50}",
            "--out",
            work.resolve("gate-2").toString(),
            "--baseline",
            first.resolve("result.json").toString(),
            "--max-regression",
            "50%");
    CliRun slower =
        tune(
            "--function",
            "gated",
            "--powers",
            "128",
            "--payload",
            "{\"ms\": 50}",
            "--out",
            work.resolve("gate-3").toString(),
            "--baseline",
            fast.toString(),
            "--max-regression",
            "5%");

    assertThat(baseline.exitCode()).as(baseline.err()).isZero();
    assertThat(same.exitCode()).as(same.err()).isZero();
    assertThat(same.err())
        .contains("powertune: no regression beyond the runs' noise and the allowed 50%");
    assertThat(slower.exitCode()).isEqualTo(4);
    assertThat(slower.err())
        .containsPattern("powertune: regression: duration at 128 MB got \\d+% worse \\(")
        .contains("that it is no more than 5% worse)");
  }

  /** A result whose every duration and price is half the original's. */
  private static String twiceAsFast(String result) throws Exception {
    var json = (com.fasterxml.jackson.databind.node.ObjectNode) TunerFixture.JSON.readTree(result);
    for (var size : json.withArray("sizes")) {
      var s = (com.fasterxml.jackson.databind.node.ObjectNode) size;
      s.put("averageDuration", s.path("averageDuration").asDouble() / 2);
      s.put("averagePrice", s.path("averagePrice").asDouble() / 2);
      for (String name : new String[] {"duration", "warmDuration"}) {
        var d = (com.fasterxml.jackson.databind.node.ObjectNode) s.path(name);
        for (String field :
            new String[] {
              "trimmedMean",
              "mean",
              "p50",
              "p90",
              "p99",
              "ci95Low",
              "ci95High",
              "min",
              "max",
              "standardDeviation"
            }) {
          d.put(field, d.path(field).asDouble() / 2);
        }
      }
    }
    return json.toString();
  }

  @Test
  void tune_functionThatAlwaysFails_exits3WithTheCause() {
    tuner.deployPython("cli-fails", "app.fail", TunerFixture.testFunction("echo-python"));
    TunerFixture.FunctionState before = tuner.state(tuner.lambda(), "cli-fails");

    CliRun run =
        tune(
            "--function",
            "cli-fails",
            "--powers",
            "128,256",
            "--num",
            "5",
            "--out",
            work.resolve("f").toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.errLines())
        .contains(
            "powertune: the tuning failed (io.powertune.analyzer.tuning.NoSuitableSizeException):"
                + " no memory size is suitable: 128 MB failed with RuntimeError: this function"
                + " always fails at invocation 1 of 5 with payload null (add the type to"
                + " allowedExceptions if it is expected); 256 MB failed with RuntimeError: this"
                + " function always fails at invocation 1 of 5 with payload null (add the type to"
                + " allowedExceptions if it is expected)");
    assertThat(work.resolve("f")).doesNotExist();
    assertThat(tuner.state(tuner.lambda(), "cli-fails")).isEqualTo(before);
  }

  @Test
  void tune_missingFunction_exits2NamingTheFlag() {
    CliRun run = tune("--function", "nowhere");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "powertune: --function: no function nowhere in us-east-1 at "
                + tuner.platform().endpoint()
                + "; deploy it first (--deploy PATH --runtime R --handler H)");
  }

  @Test
  void tune_versionWhoseCodeDiffers_exits2WithTheInitializersReason() {
    tuner.deployPython("cli-diverged", "app.echo", TunerFixture.testFunction("echo-python"));
    String version = tuner.lambda().publishVersion(r -> r.functionName("cli-diverged")).version();
    tuner
        .lambda()
        .updateFunctionCode(
            r ->
                r.functionName("cli-diverged")
                    .zipFile(
                        io.powertune.platform.Zips.ofFile(
                            "app.py", "def echo(e, c):\n  return 1\n")));
    tuner.lambda().waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("cli-diverged"));

    CliRun run = tune("--function", "cli-diverged:" + version);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("powertune: lambdaARN: " + version + " runs version " + version);
  }

  private List<String> revisions() {
    return TunerFunctions.ALL.stream()
        .map(
            f ->
                tuner.lambda().getFunctionConfiguration(r -> r.functionName(f.name())).revisionId())
        .toList();
  }
}
