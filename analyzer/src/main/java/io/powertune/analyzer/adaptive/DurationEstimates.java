package io.powertune.analyzer.adaptive;

import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
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
   * from the free fit's normal distribution, negative ones set to 0 (a coefficient cannot be
   * negative); or, each size alone, its log-mean from its own normal distribution.
   *
   * @return {@code count} rows of one mean duration per size
   */
  double[][] draws(int count, RandomGenerator random) {
    int k = mean.length;
    double[][] draws = new double[count][k];
    if (!bounded) {
      for (int d = 0; d < count; d++) {
        for (int i = 0; i < k; i++) {
          double sd = Math.sqrt(covariance.getEntry(i, i));
          draws[d][i] = Math.exp(estimate[i] + logVariance / 2 + sd * random.nextGaussian());
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
    for (int d = 0; d < count; d++) {
      double[] theta = coefficients != null ? coefficients.sample() : independently(random);
      for (int c = 0; c < theta.length; c++) {
        theta[c] = Math.max(0, theta[c]);
      }
      draws[d] = jacobian.operate(theta);
    }
    return draws;
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
