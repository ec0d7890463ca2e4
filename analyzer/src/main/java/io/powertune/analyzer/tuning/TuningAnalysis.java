package io.powertune.analyzer.tuning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.powertune.analyzer.Analysis;
import io.powertune.analyzer.adaptive.AdaptiveSampling;
import java.util.List;

/**
 * A tuning execution's output: the original's fields first, unchanged in meaning, then what the
 * original does not say.
 *
 * @param power the chosen memory size in MB
 * @param cost the chosen size's average price per invocation
 * @param duration the chosen size's average duration in ms
 * @param stateMachine what the tuning cost and the link to the public viewer
 * @param stats every size's original entry in input order when {@code includeOutputResults} was
 *     set; else null
 * @param strategy the strategy that chose ({@code cost}, {@code speed} or {@code balanced})
 * @param balancedWeight the weight, for the balanced strategy only
 * @param recommendation the pick and its reason, in one sentence
 * @param cpuScaling {@code unavailable} when the platform that ran the function could not make its
 *     CPU follow memory (durations then do not depend on the size), else {@code available}
 * @param currentMemorySize the function's memory size before the run, when known
 * @param contention a note that the host was busy with other work during the run, added where the
 *     run was watched from the same host; else null
 * @param sampling with adaptive sampling, the race's pick, its confidence, the invocations it spent
 *     and every size's interval; null for the original's fixed {@code num}
 * @param sizes every size's full result, by memory size
 */
@JsonPropertyOrder({
  "power",
  "cost",
  "duration",
  "stateMachine",
  "stats",
  "strategy",
  "balancedWeight",
  "recommendation",
  "cpuScaling",
  "currentMemorySize",
  "contention",
  "sampling",
  "sizes"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TuningAnalysis(
    int power,
    double cost,
    double duration,
    Analysis.StateMachine stateMachine,
    List<Analysis.Entry> stats,
    String strategy,
    Double balancedWeight,
    String recommendation,
    String cpuScaling,
    Integer currentMemorySize,
    String contention,
    AdaptiveSampling sampling,
    List<SizeResult> sizes) {

  /** The same result with a contention note. */
  public TuningAnalysis withContention(String note) {
    return new TuningAnalysis(
        power,
        cost,
        duration,
        stateMachine,
        stats,
        strategy,
        balancedWeight,
        recommendation,
        cpuScaling,
        currentMemorySize,
        note,
        sampling,
        sizes);
  }

  /** The result of a size, when it was measured. */
  public java.util.Optional<SizeResult> size(int memory) {
    return sizes.stream().filter(s -> s.value() == memory).findFirst();
  }

  /** The suitable sizes, by memory size. */
  public List<SizeResult> suitable() {
    return sizes.stream().filter(SizeResult::suitable).toList();
  }
}
