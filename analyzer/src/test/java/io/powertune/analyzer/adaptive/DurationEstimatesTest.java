package io.powertune.analyzer.adaptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class DurationEstimatesTest {

  private static DurationEstimates model(double[][] covariance) {
    int p = covariance.length;
    return new DurationEstimates(
        new double[] {1},
        MatrixUtils.createRealMatrix(1, p),
        new double[p],
        new double[p],
        MatrixUtils.createRealMatrix(covariance),
        true,
        10,
        0.01,
        "a model",
        0.5);
  }

  @Test
  void aNegativeDraw_isHeldAtZero_andTheTermsThatCovaryWithItTakeUpItsShare() {
    DurationEstimates estimates = model(new double[][] {{1, 0.5}, {0.5, 1}});

    double[] held = estimates.held(new double[] {1, -1}, new RealMatrix[4]);

    // cut at 0 alone it would be {1, 0}; the first term moves by its covariance with the second
    assertThat(held[0]).isCloseTo(1.5, within(1e-12));
    assertThat(held[1]).isZero();
  }

  @Test
  void drawsWithNoNegativeTerm_areKept_andUncorrelatedTermsDoNotMove() {
    DurationEstimates correlated = model(new double[][] {{1, 0.5}, {0.5, 1}});
    DurationEstimates independent = model(new double[][] {{1, 0}, {0, 1}});

    assertThat(correlated.held(new double[] {1, 2}, new RealMatrix[4])).containsExactly(1, 2);
    assertThat(independent.held(new double[] {1, -1}, new RealMatrix[4])).containsExactly(1, 0);
  }

  @Test
  void aTermThatTurnsNegativeOnceAnotherIsHeld_isHeldTooAndTheRestSolvedAgain() {
    // the first two terms offset each other: holding the second at 0 drives the first below 0
    DurationEstimates estimates = model(new double[][] {{1, -0.9, 0}, {-0.9, 1, 0.2}, {0, 0.2, 1}});

    double[] held = estimates.held(new double[] {0.5, -1, 1}, new RealMatrix[8]);

    assertThat(held[0]).isCloseTo(0, within(1e-12));
    assertThat(held[1]).isZero();
    // the third moves by its covariance with both held ones, given theirs with each other
    assertThat(held[2]).isCloseTo(1 + 0.2 * (1 - 0.45) / 0.19, within(1e-9));
  }

  /**
   * Each size on its own: one size whose log-mean is 0 with variance 0.01, pooled from {@code df}.
   */
  private static DurationEstimates alone(int degreesOfFreedom) {
    return new DurationEstimates(
        new double[] {1},
        MatrixUtils.createRealIdentityMatrix(1),
        new double[] {0},
        new double[] {0},
        MatrixUtils.createRealMatrix(new double[][] {{0.01}}),
        false,
        degreesOfFreedom,
        0,
        null,
        Double.NaN);
  }

  /** The share of draws whose log lies more than {@code sds} standard deviations off centre. */
  private static double beyond(DurationEstimates estimates, double sds) {
    double[][] draws = estimates.draws(20_000, new Well19937c(3));
    long far = Arrays.stream(draws).filter(d -> Math.abs(Math.log(d[0])) > sds * 0.1).count();
    return far / (double) draws.length;
  }

  @Test
  void fewRunsBehindThePooledVariance_widenTheDrawsTails_asStudentsT() {
    // beyond 3 standard deviations: 0.27% of a normal's draws; 5.8% of Student's t with 3 degrees
    // of freedom; with 1,000 the t is all but normal
    assertThat(beyond(alone(3), 3)).isBetween(0.045, 0.07);
    assertThat(beyond(alone(1000), 3)).isBetween(0.001, 0.005);
  }
}
