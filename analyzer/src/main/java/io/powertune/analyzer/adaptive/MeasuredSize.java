package io.powertune.analyzer.adaptive;

/**
 * What the race knows of one memory size so far.
 *
 * @param memoryMb the size
 * @param durations every counted invocation's Duration in ms, without Init and Restore Duration:
 *     the race compares sizes in their steady state, a cold start's excess being taken off (the
 *     fixed analysis's averages, which include them, are reported beside)
 * @param billedMs every counted invocation's billed milliseconds, in the same order
 * @param cold for each invocation, whether it started its execution environment (its REPORT had an
 *     Init Duration): such runs are slower for reasons that fade, so the race takes their common
 *     excess off
 * @param failed true when the size cannot be used (it failed, ran out of memory or timed out): it
 *     leaves the race and its figures are not used
 */
public record MeasuredSize(
    int memoryMb, double[] durations, double[] billedMs, boolean[] cold, boolean failed) {

  public MeasuredSize {
    if (durations.length != billedMs.length || durations.length != cold.length) {
      throw new IllegalArgumentException(
          "durations, billedMs and cold differ in length: "
              + durations.length
              + ", "
              + billedMs.length
              + ", "
              + cold.length);
    }
    durations = durations.clone();
    billedMs = billedMs.clone();
    cold = cold.clone();
  }

  /** Invocations counted so far. */
  public int count() {
    return durations.length;
  }
}
