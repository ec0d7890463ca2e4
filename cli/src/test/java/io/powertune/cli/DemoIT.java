package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code powertune demo}: two real tunings on a platform of its own, and their reports. */
class DemoIT {

  @TempDir Path out;

  @Test
  void demo_tunesBothExamples_andSaysWhereTheReportsAre() {
    CliRun run = CliRun.of("demo", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("== cpu-python (speed)")
        .contains("== io-python (cost)")
        .contains("128 MB: the function's current size is already the cost pick")
        .contains("open " + out.resolve("cpu-python/report.html") + " in a browser");
    for (String example : new String[] {"cpu-python", "io-python"}) {
      assertThat(out.resolve(example).resolve("result.json")).isNotEmptyFile();
      assertThat(out.resolve(example).resolve("chart.png")).isNotEmptyFile();
      assertThat(out.resolve(example).resolve("report.html")).isNotEmptyFile();
    }
    assertThat(run.err()).contains("powertune: started a platform in this process");
  }
}
