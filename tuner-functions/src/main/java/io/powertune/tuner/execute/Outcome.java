package io.powertune.tuner.execute;

/** What became of one planned invocation in an Executor call. */
public sealed interface Outcome {

  /**
   * It ran and counts (it succeeded, or failed with an allowed error).
   *
   * @param sample its figures
   */
  record Measured(Sample sample) implements Outcome {}

  /**
   * It failed with an error not allowed: the size is unsuitable.
   *
   * @param sample its figures (it was paid for)
   * @param reason why, in words
   */
  record Failed(Sample sample, String reason) implements Outcome {}

  /**
   * It did not run in this call (out of time, or throttled until the end); a later call runs it.
   */
  record Deferred() implements Outcome {}
}
