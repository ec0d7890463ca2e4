package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tune} with no platform running: it starts one in its own process and stops it. */
class TuneInProcessIT {

  @TempDir Path stateDir;
  @TempDir Path out;

  @Test
  void tune_withoutAPlatform_startsOneForTheRun_andStopsIt() throws Exception {
    CliRun run =
        CliRun.of(
            "tune",
            "--state-dir",
            stateDir.toString(),
            "--deploy",
            TunerFixture.example("io-python").toString(),
            "--runtime",
            "python3.12",
            "--handler",
            "app.handler",
            "--function",
            "io-python",
            "--powers",
            "128,256",
            "--num",
            "5",
            "--payload",
            "{\"ms\": 50}",
            "--out",
            out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("powertune: started a platform in this process at http://127.0.0.1:")
        .contains("(state in " + stateDir + "); it stops when this command ends");
    JsonNode result = TunerFixture.JSON.readTree(out.resolve("result.json").toFile());
    assertThat(result.path("power").asInt()).isEqualTo(128);
    assertThat(stateDir.resolve("endpoint")).doesNotExist();
    assertThat(stateDir.resolve("state.db")).exists();
  }
}
