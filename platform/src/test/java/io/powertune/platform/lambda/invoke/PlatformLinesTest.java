package io.powertune.platform.lambda.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParser;
import io.powertune.platform.resources.CpuWait;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The platform's REPORT lines, checked against the format contract and the analyzer's parser. */
class PlatformLinesTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void textReport_coldStart_isLambdasExactFormat() {
    String line =
        new PlatformLines("Text")
            .report(
                new PlatformLines.Report("id-1", 12.34, 133, 128, 45, 120.5, null, null, null),
                NOW);

    assertThat(line)
        .isEqualTo(
            "REPORT RequestId: id-1\tDuration: 12.34 ms\tBilled Duration: 133 ms\tMemory Size: 128"
                + " MB\tMax Memory Used: 45 MB\tInit Duration: 120.50 ms\t");
    Report parsed = ReportParser.parse(line);
    assertThat(parsed.durationMs()).isEqualTo(12.34);
    assertThat(parsed.initDurationMs()).isEqualTo(OptionalDouble.of(120.5));
    assertThat(parsed.maxMemoryUsedMb()).isEqualTo(OptionalInt.of(45));
  }

  @Test
  void textReport_timeout_endsWithItsStatus() {
    String line =
        new PlatformLines("Text")
            .report(
                new PlatformLines.Report("id-2", 3000, 3000, 128, 60, -1, "timeout", null, null),
                NOW);

    assertThat(line).endsWith("Max Memory Used: 60 MB\tStatus: timeout");
    assertThat(ReportParser.parse(line).status()).contains("timeout");
  }

  @Test
  void jsonReport_warm_hasNoInitDuration_andParses() {
    String line =
        new PlatformLines("JSON")
            .report(new PlatformLines.Report("id-3", 1.5, 2, 256, 50, -1, null, null, null), NOW);

    assertThat(line).contains("\"type\":\"platform.report\"").doesNotContain("initDurationMs");
    Report parsed = ReportParser.parse(line);
    assertThat(parsed.billedDurationMs()).isEqualTo(2);
    assertThat(parsed.memorySizeMb()).isEqualTo(OptionalInt.of(256));
  }

  @Test
  void startAndEnd_areLambdasLines() {
    PlatformLines text = new PlatformLines("Text");

    assertThat(text.start("id-4", "$LATEST", NOW))
        .isEqualTo("START RequestId: id-4 Version: $LATEST");
    assertThat(text.end("id-4")).isEqualTo("END RequestId: id-4");
    assertThat(new PlatformLines("JSON").end("id-4")).isNull();
  }

  @Test
  void format2_roundsHalfUpToTwoDecimals() {
    assertThat(PlatformLines.format2(1.005)).isEqualTo("1.01");
    assertThat(PlatformLines.format2(3)).isEqualTo("3.00");
  }

  @Test
  void withoutCpuLimits_reportsSayCpuScalingIsUnavailable() {
    PlatformLines.Report r = new PlatformLines.Report("id-5", 2, 2, 128, 40, -1, null, null, null);

    String text = new PlatformLines("Text", false).report(r, NOW);
    String json = new PlatformLines("JSON", false).report(r, NOW);

    assertThat(text).endsWith("Max Memory Used: 40 MB\tCPU Scaling: unavailable\t");
    assertThat(ReportParser.parse(text).cpuScaling()).contains("unavailable");
    assertThat(ReportParser.parse(json).cpuScaling()).contains("unavailable");
    assertThat(new PlatformLines("Text", true).report(r, NOW)).doesNotContain("CPU Scaling");
  }

  @Test
  void aContendedInvocation_saysSo_inFieldsLambdasParsersSkip() {
    PlatformLines.Report r =
        new PlatformLines.Report("id-6", 40, 40, 1024, 40, -1, null, null, new CpuWait(6.25, true));

    String text = new PlatformLines("Text").report(r, NOW);
    String json = new PlatformLines("JSON").report(r, NOW);

    assertThat(text).endsWith("Max Memory Used: 40 MB\tCPU Wait: 6.25 ms\tContended: true\t");
    // the original's own regexes: a leading tab, and decimals for Duration
    assertThat(
            java.util.regex.Pattern.compile("\tDuration: (\\d+\\.\\d+) ms")
                .matcher(text)
                .results()
                .map(m -> m.group(1))
                .toList())
        .containsExactly("40.00");
    assertThat(ReportParser.parse(text).contended()).isTrue();
    assertThat(ReportParser.parse(json).contended()).isTrue();
    assertThat(ReportParser.parse(json).cpuWaitMs()).isEqualTo(OptionalDouble.of(6.25));
    String quiet =
        new PlatformLines("Text")
            .report(
                new PlatformLines.Report(
                    "id-7", 40, 40, 1024, 40, -1, null, null, new CpuWait(0.5, false)),
                NOW);
    assertThat(quiet).contains("CPU Wait: 0.50 ms").doesNotContain("Contended");
  }
}
