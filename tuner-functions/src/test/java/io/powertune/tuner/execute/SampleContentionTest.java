package io.powertune.tuner.execute;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParser;
import org.junit.jupiter.api.Test;

/** A contended run's sample: flagged, and counted with its CPU Wait taken off. */
class SampleContentionTest {

  private static Report report(String extra) {
    return ReportParser.parse(
        "REPORT RequestId: r\tDuration: 112.60 ms\tBilled Duration: 113 ms\tMemory Size: 1024"
            + " MB\tMax Memory Used: 40 MB\t"
            + extra);
  }

  @Test
  void aContendedRun_countsWithItsWaitTakenOff_andSaysHowOftenItRan() {
    Sample sample =
        Sample.of(3, report("CPU Wait: 30.90 ms\tContended: true\t"), null, false, 0)
            .afterReruns(3);

    assertThat(sample.contended()).isTrue();
    assertThat(sample.reruns()).isEqualTo(3);
    Report counted = sample.report();
    assertThat(counted.durationMs())
        .isEqualTo(112.6 - 30.9, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(counted.billedDurationMs()).isEqualTo(83);
    assertThat(counted.contended()).isTrue();
  }

  @Test
  void aQuietRun_keepsItsFigures_andCarriesNoContentionFields() {
    Sample sample = Sample.of(3, report("CPU Wait: 0.40 ms\t"), null, false, 0);

    assertThat(sample.contended()).isFalse();
    assertThat(sample.w()).isNull();
    assertThat(sample.report().durationMs()).isEqualTo(112.6);
    assertThat(sample.report().billedDurationMs()).isEqualTo(113);
  }
}
