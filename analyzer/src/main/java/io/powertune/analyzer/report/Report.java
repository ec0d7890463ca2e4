package io.powertune.analyzer.report;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The figures of one Lambda REPORT record, text or JSON ({@code platform.report}).
 *
 * @param requestId the invocation's request id, when the record names it
 * @param durationMs {@code Duration}
 * @param billedDurationMs {@code Billed Duration}
 * @param memorySizeMb {@code Memory Size}
 * @param maxMemoryUsedMb {@code Max Memory Used}
 * @param initDurationMs {@code Init Duration}, present on cold starts only
 * @param restoreDurationMs {@code Restore Duration} (SnapStart)
 * @param billedRestoreDurationMs {@code Billed Restore Duration} (SnapStart)
 * @param status {@code Status} ({@code timeout}, {@code error}, ...), absent when the invocation
 *     succeeded
 * @param errorType {@code Error Type} (for example {@code Runtime.OutOfMemory})
 * @param cpuScaling {@code unavailable} when the platform that ran the function could not make its
 *     CPU follow its memory size (powertune's local platform without cgroups); absent on AWS
 * @param cpuWaitMs {@code CPU Wait}: how long the invocation waited for a CPU beyond its own quota
 *     (powertune's local platform with cgroups); absent on AWS
 * @param contended {@code Contended: true}: that wait was over 5% of the duration, so the duration
 *     reads high; false when the record does not say so (always on AWS)
 */
public record Report(
    Optional<String> requestId,
    double durationMs,
    double billedDurationMs,
    OptionalInt memorySizeMb,
    OptionalInt maxMemoryUsedMb,
    OptionalDouble initDurationMs,
    OptionalDouble restoreDurationMs,
    OptionalDouble billedRestoreDurationMs,
    Optional<String> status,
    Optional<String> errorType,
    Optional<String> cpuScaling,
    OptionalDouble cpuWaitMs,
    boolean contended) {

  /**
   * True when the record carries an Init Duration, i.e. the invocation started a new environment.
   */
  public boolean coldStart() {
    return initDurationMs.isPresent();
  }

  /** Duration plus Init and Restore Duration: the time the caller waited for this invocation. */
  public double totalDurationMs() {
    return durationMs + initDurationMs.orElse(0) + restoreDurationMs.orElse(0);
  }

  /**
   * Billed Duration plus Billed Restore Duration: the milliseconds the invocation is charged for.
   */
  public double totalBilledMs() {
    return billedDurationMs + billedRestoreDurationMs.orElse(0);
  }
}
