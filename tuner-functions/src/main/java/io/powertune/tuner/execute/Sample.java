package io.powertune.tuner.execute;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.powertune.analyzer.report.Report;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One invocation's figures, small enough to keep hundreds of them in a Step Functions state while a
 * size's measurement is resumed across Executor calls.
 *
 * @param i the invocation's index (0 to num - 1)
 * @param d Duration in ms
 * @param b Billed Duration in ms
 * @param init Init Duration in ms on a cold start; else null
 * @param restore Restore Duration in ms (SnapStart); else null
 * @param billedRestore Billed Restore Duration in ms; else null
 * @param mem Max Memory Used in MB; null when the report lacks it
 * @param cpu the report's CPU Scaling field ({@code unavailable}); null when absent
 * @param error the function error's type; null when the invocation succeeded
 * @param allowed true when the error is one of {@code allowedExceptions}, so it counts
 * @param t how many times the invocation was throttled (429) before it ran; null for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sample(
    int i,
    double d,
    double b,
    Double init,
    Double restore,
    Double billedRestore,
    Integer mem,
    String cpu,
    String error,
    Boolean allowed,
    Integer t) {

  /** The sample of an invocation whose REPORT said {@code report}. */
  public static Sample of(int index, Report report, String error, boolean allowed, int throttles) {
    return new Sample(
        index,
        report.durationMs(),
        report.billedDurationMs(),
        boxed(report.initDurationMs()),
        boxed(report.restoreDurationMs()),
        boxed(report.billedRestoreDurationMs()),
        report.maxMemoryUsedMb().isPresent() ? report.maxMemoryUsedMb().getAsInt() : null,
        report.cpuScaling().orElse(null),
        error,
        error == null ? null : allowed,
        throttles == 0 ? null : throttles);
  }

  /** Throttles before the invocation ran. */
  public int throttles() {
    return t == null ? 0 : t;
  }

  /** True when the invocation counts towards the statistics. */
  public boolean counts() {
    return error == null || Boolean.TRUE.equals(allowed);
  }

  /** The REPORT figures back, for the analyzer. */
  public Report report() {
    return new Report(
        Optional.empty(),
        d,
        b,
        OptionalInt.empty(),
        mem == null ? OptionalInt.empty() : OptionalInt.of(mem),
        init == null ? OptionalDouble.empty() : OptionalDouble.of(init),
        restore == null ? OptionalDouble.empty() : OptionalDouble.of(restore),
        billedRestore == null ? OptionalDouble.empty() : OptionalDouble.of(billedRestore),
        Optional.empty(),
        Optional.ofNullable(error),
        Optional.ofNullable(cpu));
  }

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
