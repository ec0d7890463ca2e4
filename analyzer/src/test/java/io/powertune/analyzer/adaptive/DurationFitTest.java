package io.powertune.analyzer.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationFitTest {

  private static final double[] JITTER = {0.9, 1.0, 1.1, 0.95, 1.05};

  /**
   * Five runs per size of {@code 2 + 6 * 1769 / min(m, 1769) + pressure * m0 / (m - 0.75 m0)} ms,
   * the first size's times {@code firstBump}.
   */
  private static DurationEstimates fit(int[] memory, double firstBump, double pressure) {
    double[][] durations = new double[memory.length][JITTER.length];
    boolean[][] cold = new boolean[memory.length][JITTER.length];
    for (int i = 0; i < memory.length; i++) {
      double mean =
          2
              + 6 * 1769.0 / Math.min(memory[i], 1769)
              + pressure * memory[0] / (memory[i] - 0.75 * memory[0]);
      double bump = i == 0 ? firstBump : 1;
      for (int j = 0; j < JITTER.length; j++) {
        durations[i][j] = mean * bump * JITTER[(i + j) % JITTER.length];
      }
    }
    return DurationFit.fit(memory, durations, cold);
  }

  @Test
  void onTheSixDefaultSizes_theSmallestSizesNoise_isNotTakenForMemoryPressure() {
    DurationEstimates estimates = fit(new int[] {128, 256, 512, 1024, 1536, 3008}, 1.06, 0);

    assertThat(estimates.model()).isNotNull();
    assertThat(estimates.free()).as("a, s and p; no memory-pressure term").hasSize(3);
  }

  @Test
  void withSizesToSpare_memoryPressureAtTheSmallestSizes_isFitted() {
    DurationEstimates estimates =
        fit(new int[] {384, 448, 512, 640, 768, 1024, 1536, 2048, 3008}, 1, 5);

    assertThat(estimates.model()).isNotNull();
    assertThat(estimates.free()).hasSize(4);
    assertThat(estimates.estimate()[3]).as("the memory-pressure coefficient").isPositive();
  }
}
