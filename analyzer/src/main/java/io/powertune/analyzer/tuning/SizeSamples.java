package io.powertune.analyzer.tuning;

import io.powertune.analyzer.report.Report;
import java.util.List;
import java.util.Map;

/**
 * The raw material of one size's result: the REPORT records of its invocations and what went wrong.
 *
 * @param memoryMb the memory size
 * @param measured the reports that count (successful invocations, and those that failed with an
 *     allowed error)
 * @param failed the reports of invocations that failed with an error not allowed (paid for, not
 *     measured)
 * @param errorTypes every function error by type, allowed or not
 * @param unsuitable why the size cannot be used; null when it can
 * @param executorCalls how many Executor calls took the measurements
 * @param throttles how many times invocations were throttled (429) and retried
 * @param contendedReruns how many contended runs were run again (not in {@code measured})
 */
public record SizeSamples(
    int memoryMb,
    List<Report> measured,
    List<Report> failed,
    Map<String, Integer> errorTypes,
    String unsuitable,
    int executorCalls,
    int throttles,
    int contendedReruns) {

  public SizeSamples {
    measured = List.copyOf(measured);
    failed = List.copyOf(failed);
    errorTypes = Map.copyOf(errorTypes);
  }

  /** Invocations that ended in a function error, allowed or not. */
  public int errorCount() {
    return errorTypes.values().stream().mapToInt(Integer::intValue).sum();
  }
}
