package io.powertune.analyzer.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleStatisticsTest {

  private static Report line(String fields) {
    return ReportParser.parse("REPORT RequestId: r\t" + fields);
  }

  @Test
  void of_keepsColdAndWarmApart() {
    List<Report> reports =
        List.of(
            line("Duration: 10.00 ms\tBilled Duration: 111 ms\tInit Duration: 100.50 ms"),
            line("Duration: 4.00 ms\tBilled Duration: 4 ms"),
            line("Duration: 6.00 ms\tBilled Duration: 6 ms"));

    SampleStatistics s = SampleStatistics.of(reports, 0.2);

    assertThat(s.all().count()).isEqualTo(3);
    assertThat(s.cold().count()).isEqualTo(1);
    assertThat(s.cold().mean()).isEqualTo(110.5);
    assertThat(s.warm().count()).isEqualTo(2);
    assertThat(s.warm().mean()).isEqualTo(5.0);
    assertThat(s.billed().max()).isEqualTo(111);
  }

  @Test
  void of_onlyWarm_hasAnEmptyColdSummary() {
    SampleStatistics s =
        SampleStatistics.of(List.of(line("Duration: 4.00 ms\tBilled Duration: 4 ms")), 0.2);

    assertThat(s.cold().count()).isZero();
    assertThat(s.warm().count()).isEqualTo(1);
  }
}
