package io.powertune.analyzer.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.analyzer.strategy.Strategy;
import org.junit.jupiter.api.Test;

class RaceMetricTest {

  private static final int[] MEMORY = {128, 1024, 3008};

  /** 1,000 ms at 128 MB, 150 at 1,024 and 120 at 3,008: 3,008 MB costs the most. */
  private static final double[] DURATION = {1000, 150, 120};

  private static final double[] NO_OFFSET = {0, 0, 0};

  private static RaceMetric metric(Strategy strategy) {
    return new RaceMetric(strategy, 0.5, m -> m / 1024.0 * 0.0000166667 / 1000, 0.0000002);
  }

  @Test
  void balanced_isDividedByTheSlowestAndTheCostliestSize() {
    assertThat(metric(Strategy.BALANCED).normalizers(DURATION, NO_OFFSET, MEMORY))
        .containsExactly(0, 2);
  }

  @Test
  void balanced_namesOneSize_whenTheSlowestIsAlsoTheCostliest() {
    double[] slowAtTheTop = {1000, 150, 2000};

    assertThat(metric(Strategy.BALANCED).normalizers(slowAtTheTop, NO_OFFSET, MEMORY))
        .containsExactly(2);
  }

  @Test
  void costAndSpeed_divideByNothing() {
    assertThat(metric(Strategy.COST).normalizers(DURATION, NO_OFFSET, MEMORY)).isEmpty();
    assertThat(metric(Strategy.SPEED).normalizers(DURATION, NO_OFFSET, MEMORY)).isEmpty();
  }
}
