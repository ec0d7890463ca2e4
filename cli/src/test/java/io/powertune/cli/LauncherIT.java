package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the {@code ./powertune} launcher as users do, as a real process, after the jar is built. */
class LauncherIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private record Result(int exitCode, String out, String err) {}

  private static Result launch(String... args) throws IOException, InterruptedException {
    return launchWithInput(new byte[0], args);
  }

  private static Result launchWithInput(byte[] stdin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("powertune").toString()));
    command.addAll(List.of(args));
    File err = File.createTempFile("powertune-err", ".txt");
    err.deleteOnExit();
    Process process =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectError(err)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    try (var in = process.getOutputStream()) {
      in.write(stdin);
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String errText = java.nio.file.Files.readString(err.toPath());
    return new Result(process.exitValue(), out, errText);
  }

  @Test
  void readmeMainCommand_printsTheAnalysis() throws Exception {
    Result result = launch("analyze", "--input", "examples/analyze/stats.json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode out = new ObjectMapper().readTree(result.out());
    assertThat(out.get("power").asInt()).isEqualTo(128);
    assertThat(out.at("/stateMachine/visualization").asText()).contains("#");
  }

  @Test
  void invalidInput_exits2WithOneLineAndNoStackTrace() throws Exception {
    Result result =
        launch("analyze", "--input", "examples/analyze/stats.json", "--balanced-weight", "x");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines())
        .containsExactly("powertune: --balanced-weight: expected a number from 0 to 1, got \"x\"");
  }

  @Test
  void stdin_canCarryTheEvent() throws Exception {
    byte[] sample = java.nio.file.Files.readAllBytes(ROOT.resolve("examples/analyze/stats.json"));

    Result result = launchWithInput(sample, "analyze", "--input", "-", "--strategy", "speed");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(new ObjectMapper().readTree(result.out()).get("power").asInt()).isEqualTo(3008);
  }

  @Test
  void emptyStdin_isReportedAsEmpty() throws Exception {
    Result result = launch("analyze", "--input", "-");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines())
        .containsExactly("powertune: --input: the input is empty; expected a JSON object");
  }
}
