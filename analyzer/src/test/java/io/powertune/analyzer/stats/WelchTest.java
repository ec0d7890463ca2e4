package io.powertune.analyzer.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WelchTest {

  private static DurationSummary sample(double... values) {
    return Statistics.summarize(values, 0);
  }

  @Test
  void welchPValue_clearDifference_isSmall_andNoDifference_isLarge() {
    DurationSummary a = sample(50, 51, 49, 50, 52, 48);
    DurationSummary b = sample(60, 61, 59, 60, 62, 58);

    assertThat(Statistics.welchPValue(a, b).getAsDouble()).isLessThan(1e-6);
    assertThat(Statistics.welchPValue(a, a).getAsDouble()).isEqualTo(1.0);
  }

  @Test
  void welchPValue_samplesThatDoNotVary_decideOnTheirMeans() {
    assertThat(Statistics.welchPValue(sample(5, 5), sample(6, 6))).hasValue(0.0);
    assertThat(Statistics.welchPValue(sample(5, 5), sample(5, 5))).hasValue(1.0);
    assertThat(Statistics.welchPValue(sample(5), sample(6, 6))).isEmpty();
  }

  @Test
  void welchExceedsPValue_isOneSided_andAgainstTheScaledMean() {
    DurationSummary a = sample(50, 51, 49, 50, 52, 48);
    DurationSummary b = sample(60, 61, 59, 60, 62, 58);

    assertThat(Statistics.welchExceedsPValue(a, b, 1.05).getAsDouble())
        .isLessThan(0.001); // 60 beyond 52.5
    assertThat(Statistics.welchExceedsPValue(a, b, 1.30).getAsDouble())
        .isGreaterThan(0.99); // 60 well below 65
    assertThat(Statistics.welchExceedsPValue(b, a, 1.0).getAsDouble())
        .isGreaterThan(0.99); // faster is no regression
  }
}
