package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code powertune platform} as users run it: a foreground process that SIGTERM stops cleanly. */
class PlatformCommandIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path stateDir;

  @Test
  void platform_printsItsEndpoint_writesCredentials_andStopsOnSigterm() throws Exception {
    Process process =
        new ProcessBuilder(
                ROOT.resolve("powertune").toString(),
                "platform",
                "--port",
                "0",
                "--state-dir",
                stateDir.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      String endpoint;
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        endpoint = out.readLine();

        assertThat(endpoint).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(Files.readString(stateDir.resolve("endpoint")).strip()).isEqualTo(endpoint);
        Path credentials = stateDir.resolve("credentials");
        assertThat(Files.readString(credentials))
            .startsWith("[default]\naws_access_key_id = PTIA")
            .contains("aws_secret_access_key = ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
            .isEqualTo("rw-------");

        process.destroy(); // SIGTERM

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(process.exitValue()).isIn(0, 143);
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void platform_badPort_exits2WithOneLine() throws Exception {
    Process process =
        new ProcessBuilder(ROOT.resolve("powertune").toString(), "platform", "--port", "70000")
            .start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(err.lines())
        .containsExactly("powertune: --port: 70000 is not a port; use 0 to 65535");
  }
}
