package io.powertune.analyzer.model;

/**
 * What the Executor measures for one memory size, in the original's shape.
 *
 * @param value the memory size in MB
 * @param averagePrice price of one average invocation (from the trimmed mean of billed durations)
 * @param averageDuration trimmed mean of the invocations' durations, in ms (0 when none was
 *     measured)
 * @param totalCost what all the invocations cost together, untrimmed
 */
public record PowerStat(int value, double averagePrice, double averageDuration, double totalCost) {

  /** True when the entry has a duration, the original's test for an entry it can rank. */
  public boolean measured() {
    return averageDuration > 0;
  }
}
