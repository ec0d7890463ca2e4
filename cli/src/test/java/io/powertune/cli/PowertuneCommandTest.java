package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PowertuneCommandTest {

  @Test
  void version_printsTheBuiltVersion() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("powertune 0.1.0-SNAPSHOT");
  }

  @Test
  void help_onEveryCommand() {
    assertThat(CliRun.of("--help").out()).contains("analyze").contains("Usage: powertune");
    assertThat(CliRun.of("analyze", "--help").out())
        .contains("--strategy", "--balanced-weight", "--region", "--prices", "Exit codes:");
    assertThat(CliRun.of("help", "analyze").out()).contains("Usage: powertune analyze");
  }

  @Test
  void unknownCommand_exits2WithOneLine() {
    CliRun run = CliRun.of("tune-everything");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("tune-everything");
  }
}
