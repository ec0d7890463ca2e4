package io.powertune.analyzer.tuning;

/**
 * Invocations of one size that ran while the host gave their CPU to other work (their REPORT said
 * {@code Contended: true}, which powertune's platform writes when an invocation waited for a CPU
 * beyond its quota for over 5% of its duration).
 *
 * @param rerun contended runs that were run again and left out of the figures
 * @param corrected samples that stayed contended after every rerun the tuner allows: in the figures
 *     with their CPU Wait taken off their duration
 */
public record ContendedRuns(int rerun, int corrected) {

  /** The counts, or null when nothing was contended (the field is then left out of the JSON). */
  public static ContendedRuns of(int rerun, int corrected) {
    return rerun == 0 && corrected == 0 ? null : new ContendedRuns(rerun, corrected);
  }
}
