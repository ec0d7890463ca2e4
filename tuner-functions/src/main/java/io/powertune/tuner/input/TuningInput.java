package io.powertune.tuner.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.analyzer.adaptive.SamplingSettings;
import io.powertune.analyzer.strategy.Strategy;
import java.util.List;

/**
 * A tuning execution's input, validated: every field of the original with its meaning, plus {@code
 * maxParallelInvocations}.
 *
 * @param target the function to tune ({@code lambdaARN})
 * @param powerValues the memory sizes to measure, in input order
 * @param num invocations per size
 * @param payload the payload as given (one for all, or weighted); null when {@code payloadS3} is
 *     set
 * @param payloadS3 where to read the payload instead; null when inline
 * @param parallelInvocation whether each size's invocations run at once (up to the cap)
 * @param maxParallelInvocations the cap on a size's invocations in flight with {@code
 *     parallelInvocation}
 * @param strategy how the size is chosen
 * @param balancedWeight the weight of cost against speed for the balanced strategy
 * @param autoOptimize whether the chosen size is applied at the end
 * @param autoOptimizeAlias the alias to point at a version with the chosen size; null for $LATEST
 * @param dryRun whether to invoke once per size and report nothing
 * @param preProcessor invoked before every invocation; null when none
 * @param postProcessor invoked after every invocation; null when none
 * @param discardTopBottom the share of durations discarded from each end
 * @param sleepBetweenRunsMs pause after each invocation, serial runs only
 * @param disablePayloadLogs whether payloads stay out of logs and error messages
 * @param includeOutputResults whether the output lists every size's entry
 * @param onlyColdStarts whether every invocation runs in a new execution environment
 * @param allowedExceptions function error types that count as measured, not failed
 * @param concurrentSizes how many sizes are measured at once (0: all); null for the deployment's
 *     default
 * @param sampling with {@code "sampling": "adaptive"}, how the race samples; null for the
 *     original's fixed {@code num}
 */
public record TuningInput(
    FunctionArn target,
    List<Integer> powerValues,
    int num,
    JsonNode payload,
    S3Location payloadS3,
    boolean parallelInvocation,
    int maxParallelInvocations,
    Strategy strategy,
    double balancedWeight,
    boolean autoOptimize,
    String autoOptimizeAlias,
    boolean dryRun,
    FunctionArn preProcessor,
    FunctionArn postProcessor,
    double discardTopBottom,
    int sleepBetweenRunsMs,
    boolean disablePayloadLogs,
    boolean includeOutputResults,
    boolean onlyColdStarts,
    List<String> allowedExceptions,
    Integer concurrentSizes,
    SamplingSettings sampling) {

  public TuningInput {
    powerValues = List.copyOf(powerValues);
    allowedExceptions = List.copyOf(allowedExceptions);
  }

  /** Invocations per size in this run: one in a dry run, else {@code num}. */
  public int invocationsPerSize() {
    return dryRun ? 1 : num;
  }

  /** True when the sizes are raced in rounds (never in a dry run). */
  public boolean adaptive() {
    return sampling != null && !dryRun;
  }

  /** The alias the {@code index}th invocation at {@code memory} targets. */
  public String alias(int memory, int index) {
    return onlyColdStarts ? Aliases.coldStart(memory, index) : Aliases.of(memory);
  }
}
