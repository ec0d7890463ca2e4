package io.powertune.tuner.execute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParser;
import io.powertune.tuner.TunerJson;
import org.junit.jupiter.api.Test;

class SampleTest {

  private static final ObjectMapper JSON = TunerJson.MAPPER;

  @Test
  void sample_keepsTheReportsFigures_throughTheStatesJson() throws Exception {
    Report report =
        ReportParser.parse(
            "REPORT RequestId: r\tDuration: 12.34 ms\tBilled Duration: 133 ms\tMemory Size: 256"
                + " MB\tMax Memory Used: 45 MB\tInit Duration: 120.50 ms\tCPU Scaling:"
                + " unavailable");

    Sample sample =
        JSON.readValue(JSON.writeValueAsString(Sample.of(3, report, null, false, 2)), Sample.class);
    Report back = sample.report();

    assertThat(sample.i()).isEqualTo(3);
    assertThat(sample.throttles()).isEqualTo(2);
    assertThat(sample.counts()).isTrue();
    assertThat(back.durationMs()).isEqualTo(12.34);
    assertThat(back.billedDurationMs()).isEqualTo(133);
    assertThat(back.initDurationMs()).hasValue(120.5);
    assertThat(back.maxMemoryUsedMb()).hasValue(45);
    assertThat(back.cpuScaling()).contains("unavailable");
    assertThat(JSON.writeValueAsString(sample)).doesNotContain("restore").doesNotContain("error");
  }

  @Test
  void counts_onlyAllowedErrors() {
    Report report =
        ReportParser.parse(
            "REPORT RequestId: r\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128"
                + " MB\tMax Memory Used: 40 MB");

    assertThat(Sample.of(0, report, "Handled", true, 0).counts()).isTrue();
    assertThat(Sample.of(0, report, "Unhandled", false, 0).counts()).isFalse();
  }
}
