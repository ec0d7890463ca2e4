package io.powertune.analyzer.tuning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.powertune.analyzer.model.PowerStat;
import io.powertune.analyzer.pricing.CostBreakdown;
import io.powertune.analyzer.stats.DurationSummary;
import java.util.Map;

/**
 * What a tuning measured at one memory size: the original's stats entry ({@code value}, {@code
 * averagePrice}, {@code averageDuration}, {@code totalCost}) and the fuller picture. This is the
 * JSON the Executor step returns for its size and the Analyzer step reads back.
 *
 * @param value the memory size in MB
 * @param averagePrice the price of an average invocation (0 when unsuitable)
 * @param averageDuration the trimmed mean duration in ms (0 when unsuitable, so the original's rule
 *     leaves the size out of the comparison)
 * @param totalCost what every invocation at this size cost, untrimmed (failed ones included)
 * @param architecture {@code x86_64} or {@code arm64}
 * @param invocations how many invocations were measured
 * @param coldStarts how many of them started an execution environment
 * @param warmStarts how many ran in a warm one
 * @param duration the durations (Init Duration included on cold starts), with percentiles and the
 *     95% confidence interval of the mean; null when nothing was measured
 * @param warmDuration the durations of the warm starts alone; null when there were none
 * @param initDuration the mean Init Duration of the cold starts in ms; null without cold starts
 * @param averageBilledDuration the mean billed milliseconds
 * @param averageCost the average invocation's price, compute and request charge apart
 * @param maxMemoryUsed the highest Max Memory Used in MB; null when the reports lack it
 * @param errors invocations that ended in a function error (allowed ones included)
 * @param errorTypes those errors by type
 * @param unsuitable why this size cannot be used (it ran out of memory, timed out, or failed with
 *     an error not allowed); null when it can
 * @param cpuScaling {@code unavailable} when the platform could not make CPU follow memory; {@code
 *     available} otherwise
 * @param executorCalls how many Executor calls the measurement took (one unless it was resumed)
 * @param throttles how many times invocations were throttled (429) and retried
 * @param contended invocations that ran while the host was busy with other work; null when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "value",
  "averagePrice",
  "averageDuration",
  "totalCost",
  "architecture",
  "invocations",
  "coldStarts",
  "warmStarts",
  "duration",
  "warmDuration",
  "initDuration",
  "averageBilledDuration",
  "averageCost",
  "maxMemoryUsed",
  "errors",
  "errorTypes",
  "unsuitable",
  "cpuScaling",
  "executorCalls",
  "throttles",
  "contended"
})
public record SizeResult(
    int value,
    double averagePrice,
    double averageDuration,
    double totalCost,
    String architecture,
    int invocations,
    int coldStarts,
    int warmStarts,
    DurationSummary duration,
    DurationSummary warmDuration,
    Double initDuration,
    Double averageBilledDuration,
    CostBreakdown averageCost,
    Integer maxMemoryUsed,
    int errors,
    Map<String, Integer> errorTypes,
    String unsuitable,
    String cpuScaling,
    int executorCalls,
    int throttles,
    ContendedRuns contended) {

  /** CPU followed memory on the platform that ran the function. */
  public static final String CPU_SCALING_AVAILABLE = "available";

  /** The platform could not make CPU follow memory. */
  public static final String CPU_SCALING_UNAVAILABLE = "unavailable";

  public SizeResult {
    errorTypes = errorTypes == null ? Map.of() : Map.copyOf(errorTypes);
  }

  /** True when the size can be recommended. */
  public boolean suitable() {
    return unsuitable == null && averageDuration > 0;
  }

  /** The entry in the original's shape. */
  public PowerStat stat() {
    return new PowerStat(value, averagePrice, averageDuration, totalCost);
  }

  /** Max Memory Used as a share of the size, when known. */
  public Double memoryUtilization() {
    return maxMemoryUsed == null ? null : (double) maxMemoryUsed / value;
  }
}
