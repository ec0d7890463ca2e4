package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    assertThat(CliRun.of("--help").out())
        .contains("tune", "report", "function", "demo", "platform");
    assertThat(CliRun.of("tune", "--help").out())
        .contains("--baseline", "--max-regression", "--format", "4   ");
    assertThat(CliRun.of("report", "--help").out())
        .contains("--compare", "--format", "Exit codes:");
    assertThat(CliRun.of("demo", "--help").out()).contains("Usage: powertune demo");
    for (String sub : new String[] {"deploy", "list", "invoke", "logs", "delete"}) {
      CliRun run = CliRun.of("function", sub, "--help");
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("Usage: powertune function " + sub);
    }
  }

  @Test
  void help_formatsEveryDescription_withoutAWarningFromPicocli() {
    // picocli formats descriptions with String.format: a bare % is reported on standard error
    PrintStream before = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    String help;
    try {
      help = CliRun.of("tune", "--help").out();
      for (String command : new String[] {"analyze", "report", "demo", "platform", "install"}) {
        CliRun.of(command, "--help");
      }
    } finally {
      System.setErr(before);
    }

    assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    assertThat(help).contains("95%").doesNotContain("%%");
  }

  @Test
  void unknownCommand_exits2WithOneLine() {
    CliRun run = CliRun.of("tune-everything");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("tune-everything");
  }
}
