package io.powertune.analyzer.adaptive;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The estimated mean duration of each size, linear in some parameters: either the duration model's
 * coefficients, or (each size standing alone) each size's log-mean, linearised.
 *
 * @param mean each size's estimated mean duration in ms
 * @param jacobian how each size's mean moves with each parameter (sizes × parameters)
 * @param estimate the parameters as estimated (the model's held at 0 or above)
 * @param free the model's coefficients fitted without the bound at 0; equal to {@code estimate}
 *     when each size stands alone
 * @param covariance the covariance of {@code free}
 * @param bounded true when the parameters are the model's coefficients, which cannot be negative
 * @param degreesOfFreedom of the pooled variance (invocations less sizes)
 * @param logVariance the pooled variance of log durations within a size
 * @param model the model's description when its fit is used; null when each size stands alone
 * @param lackOfFitP the p-value of the model's lack-of-fit test (NaN when none was fitted)
 */
record DurationEstimates(
    double[] mean,
    RealMatrix jacobian,
    double[] estimate,
    double[] free,
    RealMatrix covariance,
    boolean bounded,
    int degreesOfFreedom,
    double logVariance,
    String model,
    double lackOfFitP) {

  /**
   * Draws plausible mean durations of every size, {@code count} times: the model's coefficients
   * from the free fit's normal distribution, held at 0 or above (a coefficient cannot be negative;
   * see {@link #held}); or, each size alone, its log-mean from its own normal distribution. Each
   * draw's deviation is widened to Student's t, for the pooled variance is itself estimated.
   *
   * @return {@code count} rows of one mean duration per size
   */
  double[][] draws(int count, RandomGenerator random) {
    int k = mean.length;
    double[][] draws = new double[count][k];
    // chi-squared with df degrees of freedom: Gamma(df / 2, 2), sampled directly (Commons Math's
    // chi-squared distribution samples by inverting its distribution function, far slower)
    GammaDistribution spread =
        degreesOfFreedom > 0 ? new GammaDistribution(random, degreesOfFreedom / 2.0, 2) : null;
    if (!bounded) {
      for (int d = 0; d < count; d++) {
        double scale = scale(spread);
        for (int i = 0; i < k; i++) {
          double sd = Math.sqrt(covariance.getEntry(i, i));
          draws[d][i] =
              Math.exp(estimate[i] + logVariance / 2 + scale * sd * random.nextGaussian());
        }
      }
      return draws;
    }
    MultivariateNormalDistribution coefficients;
    try {
      coefficients = new MultivariateNormalDistribution(random, free, symmetric(covariance));
    } catch (IllegalArgumentException | ArithmeticException e) {
      // a covariance too ill-conditioned to factor: the coefficients drawn each on its own
      coefficients = null;
    }
    RealMatrix[] gains = new RealMatrix[1 << free.length];
    if (coefficients == null) {
      // the covariance that could not be factored cannot move the others either: cut each at 0
      Arrays.fill(gains, NO_GAIN);
    }
    for (int d = 0; d < count; d++) {
      double[] theta = coefficients != null ? coefficients.sample() : independently(random);
      double scale = scale(spread);
      for (int c = 0; c < theta.length; c++) {
        theta[c] = free[c] + scale * (theta[c] - free[c]);
      }
      draws[d] = jacobian.operate(held(theta, gains));
    }
    return draws;
  }

  /**
   * How far one draw's deviations reach: the pooled variance is itself estimated from {@code
   * degreesOfFreedom}, so each draw scales a normal deviation by {@code sqrt(df / chi2(df))}, which
   * makes the draws Student's t (wider tails while few runs are in), capped at {@link #MAX_SCALE}.
   */
  private double scale(GammaDistribution spread) {
    return spread == null ? 1 : Math.min(MAX_SCALE, Math.sqrt(degreesOfFreedom / spread.sample()));
  }

  /**
   * The widest a draw's deviations are scaled: with one or two degrees of freedom the t's scale has
   * no bound, and a draw a thousand deviations out would overflow a mean duration to infinity.
   */
  private static final double MAX_SCALE = 10;

  /**
   * A drawn coefficient vector held at 0 or above: the negative coefficients are set to 0 and the
   * others moved by what they covary with them (the nearest vector with those at 0, in the metric
   * of the covariance's inverse), as the bounded fit lets the other terms take up a term held at 0.
   * Cutting each at 0 alone would keep, say, the larger slope that a negative memory-pressure draw
   * offset, and the smallest sizes would look worse than any fit to the data says.
   *
   * @param gains for each set of held coefficients (a bit mask), the covariance of every
   *     coefficient with the held ones times the held ones' inverse covariance; filled as needed
   */
  double[] held(double[] theta, RealMatrix[] gains) {
    int held = 0;
    double[] moved = theta;
    for (int pass = 0; pass < theta.length; pass++) {
      int negative = held;
      for (int c = 0; c < moved.length; c++) {
        if (moved[c] < 0) {
          negative |= 1 << c;
        }
      }
      if (negative == held) {
        break;
      }
      held = negative;
      RealMatrix gain = gains[held] != null ? gains[held] : (gains[held] = gain(held));
      if (gain == NO_GAIN) {
        break;
      }
      int[] columns = columns(held);
      double[] heldValues = new double[columns.length];
      for (int j = 0; j < columns.length; j++) {
        heldValues[j] = theta[columns[j]];
      }
      double[] shift = gain.operate(heldValues);
      moved = new double[theta.length];
      for (int c = 0; c < theta.length; c++) {
        moved[c] = theta[c] - shift[c];
      }
    }
    for (int c = 0; c < moved.length; c++) {
      moved[c] = Math.max(0, moved[c]);
    }
    return moved;
  }

  /** Marks a set of held coefficients whose covariance cannot be inverted: they are cut at 0. */
  private static final RealMatrix NO_GAIN = MatrixUtils.createRealMatrix(1, 1);

  private RealMatrix gain(int held) {
    int[] columns = columns(held);
    int[] rows = new int[free.length];
    for (int c = 0; c < rows.length; c++) {
      rows[c] = c;
    }
    DecompositionSolver solver =
        new LUDecomposition(covariance.getSubMatrix(columns, columns), 1e-14).getSolver();
    if (!solver.isNonSingular()) {
      return NO_GAIN;
    }
    return covariance.getSubMatrix(rows, columns).multiply(solver.getInverse());
  }

  private static int[] columns(int mask) {
    return IntStream.range(0, Integer.SIZE).filter(c -> (mask & (1 << c)) != 0).toArray();
  }

  /** Coefficients drawn each from its own normal distribution, ignoring their correlation. */
  private double[] independently(RandomGenerator random) {
    double[] theta = new double[free.length];
    for (int c = 0; c < theta.length; c++) {
      theta[c] =
          free[c] + Math.sqrt(Math.max(0, covariance.getEntry(c, c))) * random.nextGaussian();
    }
    return theta;
  }

  private static double[][] symmetric(RealMatrix matrix) {
    return matrix.add(matrix.transpose()).scalarMultiply(0.5).getData();
  }

  /**
   * How much size {@code i}'s figure would grow, for a figure that grows by {@code slope} per ms,
   * if the model's terms estimated at 0 were not: each term counted relative to its largest value.
   * Among sizes whose figures are equal, the one least exposed is at least as good whatever those
   * terms are.
   */
  double exposure(int i, double slope) {
    if (!bounded) {
      return 0;
    }
    double exposure = 0;
    for (int c = 0; c < estimate.length; c++) {
      double largest = jacobian.getColumnVector(c).getLInfNorm();
      if (estimate[c] == 0 && largest > 0) {
        exposure += slope * jacobian.getEntry(i, c) / largest;
      }
    }
    return exposure;
  }
}
