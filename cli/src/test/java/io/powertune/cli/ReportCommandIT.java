package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/** {@code powertune report EXECUTION_ARN}: the report of a run read from the platform. */
class ReportCommandIT extends TuningSuite {

  @TempDir Path out;

  private CliRun report(String... args) {
    java.util.List<String> all =
        new java.util.ArrayList<>(
            java.util.List.of(
                "report",
                "--state-dir",
                tuner.stateDir().toString(),
                "--endpoint",
                tuner.platform().endpoint().toString()));
    all.addAll(java.util.List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void report_ofAnExecution_writesItsFiles() throws Exception {
    String arn =
        tuner.deployPython("reported", "app.echo", TunerFixture.testFunction("echo-python"));
    DescribeExecutionResponse execution = tuner.run(TunerFixture.input(arn, 5, 128, 256));

    CliRun run = report(execution.executionArn(), "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(out.resolve("chart.png")).isNotEmptyFile();
    assertThat(Files.readString(out.resolve("result.json")))
        .contains("\"power\": ")
        .contains("\"sizes\": [");
    assertThat(run.out()).contains("<- cost pick");
  }

  @Test
  void report_ofAFailedExecution_exits2SayingWhy() throws Exception {
    String arn =
        tuner.deployPython("failed-run", "app.fail", TunerFixture.testFunction("echo-python"));
    DescribeExecutionResponse execution = tuner.run(TunerFixture.input(arn, 5, 128));

    CliRun run = report(execution.executionArn());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("the execution is FAILED; only a finished tuning has a report");
  }

  @Test
  void report_ofAnUnknownExecution_exits2() {
    CliRun run = report("arn:aws:states:us-east-1:000000000000:execution:powertune:nope");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "EXECUTION_ARN: no execution arn:aws:states:us-east-1:000000000000:execution:powertune:nope");
  }
}
