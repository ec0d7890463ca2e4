package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code powertune report} on result files: the files it writes, what it prints, its refusals. */
class ReportCommandTest {

  @TempDir Path dir;

  /** A real tuning's result (the visualizer's fixtures), copied to {@code run/result.json}. */
  private Path result(String fixture, String run) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(run));
    try (InputStream in = getClass().getResourceAsStream("/fixtures/" + fixture)) {
      Files.copy(in, folder.resolve("result.json"));
    }
    return folder.resolve("result.json");
  }

  @Test
  void report_ofAResultFile_writesTheChartAndPageBesideIt() throws Exception {
    Path file = result("cpu-bound.json", "run");
    byte[] before = Files.readAllBytes(file);

    CliRun run = CliRun.of("report", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(dir.resolve("run/chart.png")).isNotEmptyFile();
    assertThat(Files.readString(dir.resolve("run/report.html"))).contains("<svg");
    assertThat(run.out())
        .contains("3008 MB: 61% more expensive and 14.1x faster than the current 128 MB")
        .contains("<- speed pick")
        .contains("report: " + dir.resolve("run/report.html"));
    assertThat(Files.readAllBytes(file))
        .as("the result file is read, never rewritten")
        .isEqualTo(before);
  }

  @Test
  void report_markdown_printsOnlyMarkdownOnStandardOutput() throws Exception {
    Path file = result("cpu-bound.json", "md");

    CliRun run =
        CliRun.of(
            "report",
            file.toString(),
            "--format",
            "markdown",
            "--out",
            dir.resolve("out").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("**3008 MB: ").doesNotContain("report: ");
    assertThat(run.err()).contains("report: " + dir.resolve("out/report.html"));
  }

  @Test
  void compare_twoRuns_writesTheComparison() throws Exception {
    Path a = result("cpu-bound.json", "before");
    Path b = result("memory-hungry.json", "after");

    CliRun run =
        CliRun.of(
            "report",
            "--compare",
            a.toString(),
            b.toString(),
            "--out",
            dir.resolve("cmp").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("A: before/result.json")
        .contains("B: after/result.json")
        .contains("the pick moved from 3008 MB to 1769 MB");
    String html = Files.readString(dir.resolve("cmp/compare.html"));
    assertThat(html)
        .contains("<svg")
        .contains("data-memory=\"1769\"")
        .contains("https://lambda-power-tuning.show/#");
  }

  @Test
  void compare_sameFunctionWithOneSizeSlower_saysBeyondNoiseThereOnly() throws Exception {
    Path a = result("cpu-bound.json", "a");
    Path b = Files.createDirectories(dir.resolve("b")).resolve("result.json");
    var json =
        (com.fasterxml.jackson.databind.node.ObjectNode) TunerFixture.JSON.readTree(a.toFile());
    for (var size : json.withArray("sizes")) {
      if (size.path("value").asInt() == 1024) {
        var s = (com.fasterxml.jackson.databind.node.ObjectNode) size;
        s.put("averageDuration", s.path("averageDuration").asDouble() * 1.2);
        for (String name : new String[] {"duration", "warmDuration"}) {
          var d = (com.fasterxml.jackson.databind.node.ObjectNode) s.path(name);
          for (String field : new String[] {"mean", "p50", "ci95Low", "ci95High", "min", "max"}) {
            d.put(field, d.path(field).asDouble() * 1.2);
          }
        }
      }
    }
    Files.writeString(b, json.toString());

    CliRun run =
        CliRun.of(
            "report",
            "--compare",
            a.toString(),
            b.toString(),
            "--out",
            dir.resolve("c").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().filter(l -> l.strip().startsWith("1024 MB")))
        .singleElement()
        .asString()
        .contains("+20.0%")
        .contains("yes (p=");
    assertThat(run.out().lines().filter(l -> l.strip().startsWith("512 MB")))
        .singleElement()
        .asString()
        .contains("+0.0%")
        .contains("no (p=1.000)");
  }

  @Test
  void compare_missingFile_exits2NamingIt() throws Exception {
    Path a = result("cpu-bound.json", "a");

    CliRun run = CliRun.of("report", "--compare", a.toString(), dir.resolve("b.json").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly("powertune: --compare B: no such file: " + dir.resolve("b.json"));
  }

  @Test
  void report_missingFile_exits2() {
    CliRun run = CliRun.of("report", dir.resolve("nowhere.json").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly("powertune: RESULT.json: no such file: " + dir.resolve("nowhere.json"));
  }

  @Test
  void report_ofADryRun_exits2SayingSo() throws Exception {
    Path file = Files.writeString(dir.resolve("result.json"), "null\n");

    CliRun run = CliRun.of("report", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is a dry run's output (null): there is nothing to report");
  }

  @Test
  void report_ofTheOriginalsOutput_exits2SayingWhy() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("result.json"),
            "{\"power\": 128, \"cost\": 1e-7, \"duration\": 3.5, \"stateMachine\": {}}");

    CliRun run = CliRun.of("report", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is not a powertune tuning's output: it needs power and sizes");
  }

  @Test
  void report_withoutASource_exits2() {
    CliRun run = CliRun.of("report");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("missing; name a run's result.json or its execution's ARN");
  }
}
