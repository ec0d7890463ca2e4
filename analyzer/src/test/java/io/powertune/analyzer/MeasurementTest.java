package io.powertune.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.powertune.analyzer.pricing.Architecture;
import io.powertune.analyzer.pricing.PriceCatalog;
import io.powertune.analyzer.pricing.PriceCatalogs;
import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParser;
import io.powertune.analyzer.stats.Statistics;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The original's worked example (reference section 4.6): ten invocations at 128 MB, x86. */
class MeasurementTest {

  private static final PriceCatalog ANCHOR = PriceCatalogs.builtIn(PriceCatalogs.ANCHOR);

  private static final List<Report> REPORTS =
      Stream.of(
              "Duration: 0.10 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 30"
                  + " MB\tInit Duration: 0.10 ms",
              "Duration: 0.50 ms\tBilled Duration: 1 ms",
              "Duration: 2.00 ms\tBilled Duration: 2 ms",
              "Duration: 3.00 ms\tBilled Duration: 3 ms",
              "Duration: 3.00 ms\tBilled Duration: 3 ms",
              "Duration: 4.00 ms\tBilled Duration: 4 ms\tMax Memory Used: 33 MB",
              "Duration: 4.50 ms\tBilled Duration: 5 ms",
              "Duration: 10.00 ms\tBilled Duration: 10 ms",
              "Duration: 50.00 ms\tBilled Duration: 50 ms",
              "Duration: 200.00 ms\tBilled Duration: 200 ms")
          .map(fields -> ReportParser.parse("REPORT RequestId: r\t" + fields + "\t"))
          .toList();

  static Stream<Arguments> workedExample() {
    return Stream.of(
        // expected values as Node.js computes them with the original's code
        Arguments.of(0.7, 3.5, 8.4e-9),
        Arguments.of(0.4, 3.5, 8.4e-9),
        Arguments.of(0.2, 4.416666666666667, 1.0500000000000001e-8),
        Arguments.of(0.0, 27.72, 5.8800000000000004e-8));
  }

  @ParameterizedTest
  @MethodSource("workedExample")
  void of_anchorPrices_reproduceTheOriginalsWorkedExample(
      double discard, double averageDuration, double averagePrice) {
    Measurement m =
        Measurement.of(
            128,
            REPORTS,
            Statistics.clampDiscard(discard),
            Architecture.X86_64,
            "us-east-1",
            ANCHOR);

    assertThat(m.stat().value()).isEqualTo(128);
    assertThat(m.stat().averageDuration()).isEqualTo(averageDuration);
    assertThat(m.stat().averagePrice()).isEqualTo(averagePrice);
    assertThat(m.stat().totalCost()).isEqualTo(5.859000000000001e-7);
  }

  @Test
  void of_keepsTheFullerStatisticsAndPeakMemory() {
    Measurement m = Measurement.of(128, REPORTS, 0.2, Architecture.X86_64, "us-east-1", ANCHOR);

    assertThat(m.statistics().all().count()).isEqualTo(10);
    assertThat(m.statistics().cold().count()).isEqualTo(1);
    assertThat(m.statistics().warm().count()).isEqualTo(9);
    assertThat(m.maxMemoryUsedMb()).isEqualTo(OptionalInt.of(33));
  }

  @Test
  void of_awsPrices_includeTheRequestCharge() {
    Measurement m =
        Measurement.of(
            1024,
            List.of(
                ReportParser.parse(
                    "REPORT RequestId: r\tDuration: 999.10 ms\tBilled Duration: 1000 ms")),
            0.2,
            Architecture.ARM64,
            "eu-west-1",
            PriceCatalogs.defaults());

    // 1 GB for 1 s of arm64 plus one request at $0.20 per million
    assertThat(m.stat().averagePrice()).isCloseTo(0.0000133334 + 0.0000002, within(1e-15));
    assertThat(m.stat().totalCost()).isCloseTo(0.0000133334 + 0.0000002, within(1e-15));
    assertThat(m.averageCost().compute()).isCloseTo(0.0000133334, within(1e-15));
    assertThat(m.averageCost().request()).isCloseTo(0.0000002, within(1e-18));
  }
}
