package io.powertune.analyzer.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {

  @Test
  void trimmedMean_fiveValues_dropsOneFromEachEnd() {
    assertThat(Statistics.trimmedMean(new double[] {100, 1, 3, 2, 4}, 0.2)).isEqualTo(3.0);
  }

  @Test
  void trimmedMean_tenValues_dropsTwoFromEachEnd() {
    double[] values = {10, 1, 9, 2, 8, 3, 7, 4, 6, 1000};

    assertThat(Statistics.trimmedMean(values, 0.2)).isEqualTo((3 + 4 + 6 + 7 + 8 + 9) / 6.0);
  }

  @Test
  void trimmedMean_fourValues_dropsNothingBecauseTruncTakesZero() {
    assertThat(Statistics.trimmedMean(new double[] {1, 2, 3, 100}, 0.2)).isEqualTo(26.5);
  }

  @Test
  void trimmedMean_empty_isZeroAsInTheOriginal() {
    assertThat(Statistics.trimmedMean(new double[0], 0.2)).isZero();
  }

  @Test
  void trimmedMean_doesNotReorderTheCallersArray() {
    double[] values = {3, 1, 2};

    Statistics.trimmedMean(values, 0.2);

    assertThat(values).containsExactly(3, 1, 2);
  }

  @Test
  void clampDiscard_clampsAsTheOriginal_andNullMeansTheDefault() {
    assertThat(Statistics.clampDiscard(null)).isEqualTo(0.2);
    assertThat(Statistics.clampDiscard(0.7)).isEqualTo(0.4);
    assertThat(Statistics.clampDiscard(-0.1)).isEqualTo(0.0);
    assertThat(Statistics.clampDiscard(0.3)).isEqualTo(0.3);
  }

  @Test
  void summarize_oneToTen_matchesTextbookValues() {
    double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    DurationSummary s = Statistics.summarize(values, 0.2);

    assertThat(s.count()).isEqualTo(10);
    assertThat(s.mean()).isEqualTo(5.5);
    assertThat(s.trimmedMean()).isEqualTo(5.5);
    assertThat(s.median()).isEqualTo(5.5);
    assertThat(s.p90()).isCloseTo(9.1, within(1e-12));
    assertThat(s.p99()).isCloseTo(9.91, within(1e-12));
    assertThat(s.standardDeviation()).isCloseTo(3.0276503540974917, within(1e-12));
    // t(0.975, 9) = 2.262157163, half width = t * sd / sqrt(10)
    assertThat(s.ci95Low()).isCloseTo(5.5 - 2.1658506, within(1e-6));
    assertThat(s.ci95High()).isCloseTo(5.5 + 2.1658506, within(1e-6));
    assertThat(s.min()).isEqualTo(1);
    assertThat(s.max()).isEqualTo(10);
    assertThat(s.coefficientOfVariation()).isCloseTo(3.0276503540974917 / 5.5, within(1e-12));
  }

  @Test
  void summarize_oneValue_hasNoSpread() {
    DurationSummary s = Statistics.summarize(new double[] {42}, 0.2);

    assertThat(s.count()).isEqualTo(1);
    assertThat(s.median()).isEqualTo(42);
    assertThat(s.p99()).isEqualTo(42);
    assertThat(s.standardDeviation()).isZero();
    assertThat(s.ci95Low()).isEqualTo(42);
    assertThat(s.ci95High()).isEqualTo(42);
  }

  @Test
  void summarize_empty_isAllZeros() {
    DurationSummary s = Statistics.summarize(new double[0], 0.2);

    assertThat(s).isEqualTo(DurationSummary.EMPTY);
    assertThat(s.coefficientOfVariation()).isZero();
  }
}
