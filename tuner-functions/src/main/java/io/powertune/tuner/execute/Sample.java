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
 * @param c true when the REPORT said {@code Contended: true} (the host gave the CPU to other work
 *     for over 5% of the duration); null otherwise
 * @param w with {@code c}, the REPORT's CPU Wait in ms: how much longer the run took than its CPU
 *     quota explains
 * @param r how many times the invocation was run again because it was contended; null for none
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
    Integer t,
    Boolean c,
    Double w,
    Integer r) {

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
        throttles == 0 ? null : throttles,
        report.contended() ? true : null,
        report.contended() ? report.cpuWaitMs().orElse(0) : null,
        null);
  }

  /** True when the host was busy with other work while this invocation ran. */
  public boolean contended() {
    return Boolean.TRUE.equals(c);
  }

  /** Runs of the invocation that were contended and run again before this one. */
  public int reruns() {
    return r == null ? 0 : r;
  }

  /** This sample, measured after {@code reruns} contended runs of the same invocation. */
  public Sample afterReruns(int reruns) {
    return new Sample(
        i,
        d,
        b,
        init,
        restore,
        billedRestore,
        mem,
        cpu,
        error,
        allowed,
        t,
        c,
        w,
        reruns == 0 ? null : reruns);
  }

  /** Throttles before the invocation ran. */
  public int throttles() {
    return t == null ? 0 : t;
  }

  /** True when the invocation counts towards the statistics. */
  public boolean counts() {
    return error == null || Boolean.TRUE.equals(allowed);
  }

  /**
   * The REPORT figures back, for the analyzer. A run that stayed contended after every rerun has
   * its CPU Wait taken off its Duration and Billed Duration: what it would have measured on a quiet
   * host.
   */
  public Report report() {
    double lost = contended() && w != null ? Math.min(w, d) : 0;
    return new Report(
        Optional.empty(),
        d - lost,
        lost == 0 ? b : Math.max(1, Math.ceil(b - lost)),
        OptionalInt.empty(),
        mem == null ? OptionalInt.empty() : OptionalInt.of(mem),
        init == null ? OptionalDouble.empty() : OptionalDouble.of(init),
        restore == null ? OptionalDouble.empty() : OptionalDouble.of(restore),
        billedRestore == null ? OptionalDouble.empty() : OptionalDouble.of(billedRestore),
        Optional.empty(),
        Optional.ofNullable(error),
        Optional.ofNullable(cpu),
        w == null ? OptionalDouble.empty() : OptionalDouble.of(w),
        contended());
  }

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
