package io.powertune.analyzer.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.analyzer.pricing.Architecture;
import io.powertune.analyzer.pricing.PriceCatalog;
import io.powertune.analyzer.pricing.PriceCatalogs;
import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SizeResultsTest {

  private static final PriceCatalog PRICES = PriceCatalogs.builtIn(PriceCatalogs.ANCHOR);

  static Report report(double duration, long billed, Double init) {
    return ReportParser.parse(
        "REPORT RequestId: r\tDuration: "
            + String.format(java.util.Locale.ROOT, "%.2f", duration)
            + " ms\tBilled Duration: "
            + billed
            + " ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\t"
            + (init == null ? "" : "Init Duration: " + init + " ms"));
  }

  @Test
  void of_suitableSize_isTheOriginalsEntryPlusTheFullerFigures() {
    List<Report> reports =
        List.of(
            report(100, 221, 120.5),
            report(10, 10, null),
            report(12, 12, null),
            report(11, 11, null),
            report(50, 50, null));

    SizeResult result =
        SizeResults.of(
            new SizeSamples(128, reports, List.of(), Map.of(), null, 1, 0, 0),
            0.2,
            Architecture.X86_64,
            "us-east-1",
            PRICES);

    assertThat(result.suitable()).isTrue();
    assertThat(result.averageDuration()).isEqualTo((12 + 11 + 50) / 3.0);
    assertThat(result.invocations()).isEqualTo(5);
    assertThat(result.coldStarts()).isEqualTo(1);
    assertThat(result.warmStarts()).isEqualTo(4);
    assertThat(result.initDuration()).isEqualTo(120.5);
    assertThat(result.maxMemoryUsed()).isEqualTo(40);
    assertThat(result.duration().median()).isEqualTo(12);
    assertThat(result.cpuScaling()).isEqualTo("available");
    assertThat(result.totalCost()).isEqualTo((221 + 10 + 12 + 11 + 50) * 2.1e-9, within());
    assertThat(result.unsuitable()).isNull();
    assertThat(result.contended()).as("nothing was contended").isNull();
  }

  @Test
  void of_contendedRuns_areCounted_rerunAndKeptApart() {
    Report quiet = report(10, 10, null);
    Report busy =
        ReportParser.parse(
            "REPORT RequestId: r\tDuration: 20.00 ms\tBilled Duration: 20 ms\tMemory Size: 128"
                + " MB\tMax Memory Used: 40 MB\tCPU Wait: 9.50 ms\tContended: true\t");

    SizeResult result =
        SizeResults.of(
            new SizeSamples(128, List.of(quiet, quiet, busy), List.of(), Map.of(), null, 1, 0, 4),
            0,
            Architecture.X86_64,
            "us-east-1",
            PRICES);

    assertThat(result.contended()).isEqualTo(new ContendedRuns(4, 1));
  }

  @Test
  void of_unsuitableSize_isNeverRanked_butItsCostCounts() {
    SizeResult result =
        SizeResults.of(
            new SizeSamples(
                128,
                List.of(report(10, 10, null)),
                List.of(report(900, 900, null)),
                Map.of("Runtime.OutOfMemory", 1),
                "ran out of memory",
                1,
                0,
                0),
            0.2,
            Architecture.X86_64,
            "us-east-1",
            PRICES);

    assertThat(result.suitable()).isFalse();
    assertThat(result.averageDuration()).isZero();
    assertThat(result.averagePrice()).isZero();
    assertThat(result.duration()).isNull();
    assertThat(result.errors()).isEqualTo(1);
    assertThat(result.invocations()).isEqualTo(2);
    assertThat(result.totalCost()).isEqualTo(910 * 2.1e-9, within());
  }

  @Test
  void of_nothingMeasured_isUnsuitable() {
    SizeResult result =
        SizeResults.of(
            new SizeSamples(256, List.of(), List.of(), Map.of(), null, 1, 0, 0),
            0.2,
            Architecture.ARM64,
            "us-east-1",
            PRICES);

    assertThat(result.unsuitable()).isEqualTo("no invocation was measured");
    assertThat(result.architecture()).isEqualTo("arm64");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-15);
  }
}
