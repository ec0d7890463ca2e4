package io.powertune.tuner.execute;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.powertune.analyzer.tuning.SizeResult;
import java.util.List;

/**
 * Where one size's measurement stands between Executor calls; the Executor's output. While {@code
 * done} is false the workflow calls the Executor again with it, and only the invocations not yet
 * measured run: a continued or retried call never repeats one that succeeded.
 *
 * @param done true when the size is measured (or found unsuitable)
 * @param stat the size's result once done; else null
 * @param samples the invocations measured so far, while not done (in a race, also once done: the
 *     next round goes on from them)
 * @param architecture the function's architecture, read on the first call
 * @param unsuitable why the size failed, once it did
 * @param calls Executor calls so far
 * @param stalledCalls calls in a row that could not run a single invocation (all throttled)
 * @param pauseOwedMs what is left of {@code sleepBetweenRunsMs} before the next invocation, when a
 *     call ran out of time while pausing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Progress(
    boolean done,
    SizeResult stat,
    List<Sample> samples,
    String architecture,
    String unsuitable,
    int calls,
    int stalledCalls,
    long pauseOwedMs) {

  public Progress {
    samples = samples == null ? null : List.copyOf(samples);
  }

  /** Before the first call. */
  public static Progress start() {
    return new Progress(false, null, List.of(), null, null, 0, 0, 0);
  }

  /** The samples so far, never null. */
  public List<Sample> measuredSoFar() {
    return samples == null ? List.of() : samples;
  }
}
