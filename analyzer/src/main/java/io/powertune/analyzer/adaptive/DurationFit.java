package io.powertune.analyzer.adaptive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Estimates every size's mean duration from all the invocations at once, with the shape Lambda's
 * CPU allocation gives a function: {@code d(m) = a + s * 1769 / min(m, 1769) + p * 1769 / min(m,
 * 1769 t) + g * m0 / (m - L)}. {@code a} is time that does not scale with CPU (waiting on I/O),
 * {@code s} work one thread does (one vCPU at 1,769 MB), {@code p} work spread over {@code t}
 * threads, and {@code g} time lost to memory pressure (garbage collection, swapping caches) that
 * fades as memory grows past {@code L}. Every coefficient is at least 0, so the duration never
 * grows with memory; {@code t} and {@code L} are chosen from a grid by the best fit.
 *
 * <p>The fit is weighted least squares on each size's geometric mean (durations vary by a factor,
 * so their logs are what is roughly normal), weighted by its invocations. It is used only when a
 * lack-of-fit F test does not reject it at 1%; otherwise each size stands on its own figures. Cold
 * starts' common excess is taken off their runs, and logs further than 3 robust standard deviations
 * from their size's median are moved to that bound first, so a rare outlier (a slow network call, a
 * pause) counts as a slow run, not as ten.
 */
final class DurationFit {

  /** The memory at which a function has one full vCPU. */
  static final double FULL_CPU_MB = 1769;

  private static final double LACK_OF_FIT_LEVEL = 0.01;

  /**
   * Sizes beyond the model's terms needed to use it: with fewer, the terms cannot be told apart and
   * the model would only pass through the sizes' own means with a false look of precision.
   */
  private static final int MIN_SPARE = 2;

  /**
   * Sizes beyond the terms needed to use the memory-pressure term, which moves mostly the smallest
   * sizes: with only two spare (the six default sizes), the smallest size alone decides it, and the
   * fit then follows that size's noise with the precision of a curve (in the simulation, a short
   * CPU-bound function at 5% noise lost its cheapest size in 8% of trials; with this rule, 2%).
   */
  private static final int MIN_SPARE_PRESSURE = 3;

  private static final double CLIP_SIGMAS = 3;
  private static final double MAD_TO_SIGMA = 1.4826;
  private static final double SQRT_2 = Math.sqrt(2);
  private static final double[] PRESSURE_KNEES = {0.5, 0.75, 0.9};

  private DurationFit() {}

  /**
   * Fits the sizes' durations.
   *
   * @param memory each size in MB, ascending
   * @param durations each size's durations, at least one each
   * @param cold for each duration, whether its run was a cold start
   */
  static DurationEstimates fit(int[] memory, double[][] durations, boolean[][] cold) {
    int k = memory.length;
    double[][] logs = logs(durations);
    boolean coldEffect = takeOffColdExcess(logs, cold);
    clip(logs);
    double[] logMean = new double[k];
    int[] n = new int[k];
    double squares = 0;
    int df = 0;
    for (int i = 0; i < k; i++) {
      n[i] = logs[i].length;
      logMean[i] = StatUtils.mean(logs[i]);
      if (n[i] > 1) {
        squares += StatUtils.variance(logs[i]) * (n[i] - 1);
        df += n[i] - 1;
      }
    }
    // with no repeated size the spread is unknown: assume a wide one (a 100% coefficient)
    if (coldEffect && df > 0) {
      df--;
    }
    double sigma2 = df > 0 ? squares / df : Math.log(2);
    double bias = Math.exp(sigma2 / 2);
    double[] geometric = Arrays.stream(logMean).map(Math::exp).toArray();
    Candidate best = null;
    if (df > 0) {
      for (Basis basis : bases(memory)) {
        if (basis.pressure() && k - basis.rows()[0].length < MIN_SPARE_PRESSURE) {
          continue; // too few sizes to tell pressure from the smallest size's noise
        }
        Candidate fitted = Candidate.fit(basis.rows(), geometric, n, sigma2, df);
        if (fitted != null && (best == null || fitted.lackOfFitP > best.lackOfFitP)) {
          best = fitted;
        }
      }
    }
    if (best != null && best.lackOfFitP >= LACK_OF_FIT_LEVEL) {
      double[] mean = new double[k];
      for (int i = 0; i < k; i++) {
        mean[i] = best.predicted[i] * bias;
      }
      return new DurationEstimates(
          mean,
          best.basis.scalarMultiply(bias),
          best.coefficients,
          best.free,
          best.covariance,
          true,
          df,
          sigma2,
          best.describe(),
          best.lackOfFitP);
    }
    double[] mean = new double[k];
    double[] variance = new double[k];
    for (int i = 0; i < k; i++) {
      mean[i] = Math.exp(logMean[i] + sigma2 / 2);
      variance[i] = sigma2 / n[i];
    }
    return new DurationEstimates(
        mean,
        MatrixUtils.createRealDiagonalMatrix(mean),
        logMean,
        logMean,
        MatrixUtils.createRealDiagonalMatrix(variance),
        false,
        df,
        sigma2,
        null,
        best == null ? Double.NaN : best.lackOfFitP);
  }

  private static double[][] logs(double[][] durations) {
    double[][] logs = new double[durations.length][];
    for (int i = 0; i < durations.length; i++) {
      logs[i] = Arrays.stream(durations[i]).map(d -> Math.log(Math.max(d, 1e-3))).toArray();
    }
    return logs;
  }

  /**
   * Takes the cold starts' common excess off their logs: the mean, over the sizes with both, of the
   * cold runs' mean log less the warm runs'. False when no size has both.
   */
  private static boolean takeOffColdExcess(double[][] logs, boolean[][] cold) {
    List<Double> excess = new ArrayList<>();
    for (int i = 0; i < logs.length; i++) {
      List<Double> coldLogs = new ArrayList<>();
      List<Double> warmLogs = new ArrayList<>();
      for (int j = 0; j < logs[i].length; j++) {
        (cold[i][j] ? coldLogs : warmLogs).add(logs[i][j]);
      }
      if (!coldLogs.isEmpty() && !warmLogs.isEmpty()) {
        excess.add(mean(coldLogs) - mean(warmLogs));
      }
    }
    if (excess.isEmpty()) {
      return false;
    }
    double common = mean(excess);
    for (int i = 0; i < logs.length; i++) {
      for (int j = 0; j < logs[i].length; j++) {
        if (cold[i][j]) {
          logs[i][j] -= common;
        }
      }
    }
    return true;
  }

  private static double mean(List<Double> values) {
    return StatUtils.mean(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * Clips outliers: a log more than 3 robust deviations above its size's median (for two runs:
   * above the faster by {@code 3 * sqrt(2)} deviations) is moved to that bound, and one as far
   * below the median of three or more runs likewise. The robust deviation is 1.4826 times the
   * median of the runs' distances from their size's median (for two runs: their difference over
   * {@code sqrt(2)}), pooled over the sizes.
   */
  private static void clip(double[][] logs) {
    Median median = new Median();
    double[] centre = new double[logs.length];
    List<Double> deviations = new ArrayList<>();
    for (int i = 0; i < logs.length; i++) {
      centre[i] = median.evaluate(logs[i]);
      if (logs[i].length == 2) {
        deviations.add(Math.abs(logs[i][0] - logs[i][1]) / SQRT_2);
      } else if (logs[i].length >= 3) {
        for (double log : logs[i]) {
          deviations.add(Math.abs(log - centre[i]));
        }
      }
    }
    if (deviations.isEmpty()) {
      return;
    }
    double bound =
        CLIP_SIGMAS
            * MAD_TO_SIGMA
            * median.evaluate(deviations.stream().mapToDouble(Double::doubleValue).toArray());
    if (bound <= 0) {
      return;
    }
    for (double[] size : logs) {
      if (size.length == 2) {
        double faster = Math.min(size[0], size[1]);
        size[0] = Math.min(size[0], faster + bound * SQRT_2);
        size[1] = Math.min(size[1], faster + bound * SQRT_2);
      } else if (size.length >= 3) {
        double middle = median.evaluate(size);
        for (int j = 0; j < size.length; j++) {
          size[j] = Math.min(Math.max(size[j], middle - bound), middle + bound);
        }
      }
    }
  }

  /** A candidate basis: its rows, and whether it has the memory-pressure term. */
  private record Basis(double[][] rows, boolean pressure) {}

  /** The candidate bases: the thread count and the memory-pressure knee from their grids. */
  private static List<Basis> bases(int[] memory) {
    int k = memory.length;
    int top = memory[k - 1];
    boolean aboveOneCpu = top > FULL_CPU_MB;
    int maxThreads = aboveOneCpu ? (int) Math.max(2, Math.ceil(top / FULL_CPU_MB)) : 1;
    List<Basis> bases = new ArrayList<>();
    for (int threads = aboveOneCpu ? 2 : 1; threads <= maxThreads; threads++) {
      for (int knee = -1; knee < PRESSURE_KNEES.length; knee++) {
        double floor = knee < 0 ? Double.NaN : PRESSURE_KNEES[knee] * memory[0];
        double[][] rows = new double[k][];
        for (int i = 0; i < k; i++) {
          List<Double> row = new ArrayList<>();
          row.add(1.0);
          row.add(FULL_CPU_MB / Math.min(memory[i], FULL_CPU_MB));
          if (aboveOneCpu) {
            row.add(FULL_CPU_MB / Math.min(memory[i], FULL_CPU_MB * threads));
          }
          if (knee >= 0) {
            row.add(memory[0] / (memory[i] - floor));
          }
          rows[i] = row.stream().mapToDouble(Double::doubleValue).toArray();
        }
        bases.add(new Basis(rows, knee >= 0));
      }
    }
    return bases;
  }

  /** One basis fitted with non-negative coefficients, and without the bound. */
  private static final class Candidate {
    private final RealMatrix basis;
    private final double[] coefficients;
    private final double[] free;
    private final RealMatrix covariance;
    private final double[] predicted;
    private final double lackOfFitP;

    private Candidate(
        RealMatrix basis,
        double[] coefficients,
        double[] free,
        RealMatrix covariance,
        double[] predicted,
        double lackOfFitP) {
      this.basis = basis;
      this.coefficients = coefficients;
      this.free = free;
      this.covariance = covariance;
      this.predicted = predicted;
      this.lackOfFitP = lackOfFitP;
    }

    /**
     * Fits by weighted least squares, dropping the most negative coefficient's column until none is
     * negative; the weights ({@code n / d^2}, the variance of a geometric mean being about {@code
     * d^2 sigma^2 / n}) are taken from a first fit. The covariance is the unbounded fit's, with the
     * same weights. Null when the basis cannot be solved.
     */
    static Candidate fit(double[][] rows, double[] y, int[] n, double sigma2, int df) {
      int k = y.length;
      if (k - rows[0].length < MIN_SPARE) {
        return null;
      }
      RealMatrix full = select(rows, allColumns(rows[0].length));
      double[] weight = new double[k];
      for (int i = 0; i < k; i++) {
        weight[i] = n[i] / (y[i] * y[i]);
      }
      double[] coefficients = null;
      for (int pass = 0; pass < 2; pass++) {
        coefficients = nonNegative(rows, y, weight);
        if (coefficients == null) {
          return null;
        }
        double[] fitted = full.operate(coefficients);
        for (int i = 0; i < k; i++) {
          weight[i] = n[i] / (fitted[i] * fitted[i]);
        }
      }
      double[] predicted = full.operate(coefficients);
      double chi = 0;
      int parameters = 0;
      for (int i = 0; i < k; i++) {
        double r = y[i] - predicted[i];
        chi += weight[i] * r * r / sigma2;
      }
      for (double c : coefficients) {
        parameters += c > 0 ? 1 : 0;
      }
      int spare = k - parameters;
      double p =
          spare <= 0 ? 1 : 1 - new FDistribution(spare, df).cumulativeProbability(chi / spare);
      double[] free = solve(full, y, weight);
      RealMatrix information = full.transpose().multiply(scaleRows(full, weight));
      QRDecomposition inverse = new QRDecomposition(information, 1e-12);
      if (free == null || !inverse.getSolver().isNonSingular()) {
        return null;
      }
      RealMatrix covariance = inverse.getSolver().getInverse().scalarMultiply(sigma2);
      return new Candidate(full, coefficients, free, covariance, predicted, p);
    }

    /** The bounded fit: columns dropped, most negative first, until none is negative. */
    private static double[] nonNegative(double[][] rows, double[] y, double[] weight) {
      List<Integer> columns = allColumns(rows[0].length);
      while (!columns.isEmpty()) {
        double[] beta = solve(select(rows, columns), y, weight);
        if (beta == null) {
          return null;
        }
        int worst = -1;
        for (int c = 0; c < beta.length; c++) {
          if (beta[c] < 0 && (worst < 0 || beta[c] < beta[worst])) {
            worst = c;
          }
        }
        if (worst < 0) {
          double[] coefficients = new double[rows[0].length];
          for (int c = 0; c < columns.size(); c++) {
            coefficients[columns.get(c)] = beta[c];
          }
          return coefficients;
        }
        columns.remove(worst);
      }
      return null;
    }

    private static List<Integer> allColumns(int count) {
      List<Integer> columns = new ArrayList<>();
      for (int c = 0; c < count; c++) {
        columns.add(c);
      }
      return columns;
    }

    String describe() {
      return "duration model a + s/min(m,1769) + p/min(m,1769t) + g/(m-L), coefficients "
          + Arrays.toString(coefficients);
    }

    private static double[] solve(RealMatrix x, double[] y, double[] weight) {
      RealMatrix scaled = scaleRows(x, Arrays.stream(weight).map(Math::sqrt).toArray());
      RealVector target = new ArrayRealVector(y.length);
      for (int i = 0; i < y.length; i++) {
        target.setEntry(i, y[i] * Math.sqrt(weight[i]));
      }
      QRDecomposition qr = new QRDecomposition(scaled, 1e-10);
      if (!qr.getSolver().isNonSingular()) {
        return null;
      }
      return qr.getSolver().solve(target).toArray();
    }

    private static RealMatrix select(double[][] rows, List<Integer> columns) {
      double[][] data = new double[rows.length][columns.size()];
      for (int i = 0; i < rows.length; i++) {
        for (int c = 0; c < columns.size(); c++) {
          data[i][c] = rows[i][columns.get(c)];
        }
      }
      return new Array2DRowRealMatrix(data, false);
    }

    private static RealMatrix scaleRows(RealMatrix x, double[] factor) {
      RealMatrix scaled = x.copy();
      for (int i = 0; i < x.getRowDimension(); i++) {
        for (int c = 0; c < x.getColumnDimension(); c++) {
          scaled.multiplyEntry(i, c, factor[i]);
        }
      }
      return scaled;
    }
  }
}
