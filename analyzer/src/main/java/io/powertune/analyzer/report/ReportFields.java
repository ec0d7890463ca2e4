package io.powertune.analyzer.report;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Collects the fields of one REPORT record, from either format, and builds the {@link Report}. */
final class ReportFields {

  /** The numeric fields of a REPORT record. */
  enum Metric {
    DURATION,
    BILLED_DURATION,
    MEMORY_SIZE,
    MAX_MEMORY_USED,
    INIT_DURATION,
    RESTORE_DURATION,
    BILLED_RESTORE_DURATION,
    CPU_WAIT
  }

  private final Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
  private String requestId;
  private String status;
  private String errorType;
  private String cpuScaling;
  private boolean contended;

  /** Records a metric; the first value seen for a field wins, as in the original's regexes. */
  void put(Metric metric, double value) {
    metrics.putIfAbsent(metric, value);
  }

  void requestId(String value) {
    if (requestId == null) {
      requestId = value;
    }
  }

  void status(String value) {
    if (status == null) {
      status = value;
    }
  }

  void cpuScaling(String value) {
    if (cpuScaling == null) {
      cpuScaling = value;
    }
  }

  void contended(boolean value) {
    contended |= value;
  }

  void errorType(String value) {
    if (errorType == null) {
      errorType = value;
    }
  }

  /**
   * Builds the report, or returns empty when the record has no Duration. A missing Billed Duration
   * is derived as Lambda bills: Duration plus any Init Duration, rounded up to the next
   * millisecond.
   */
  Optional<Report> build() {
    Double duration = metrics.get(Metric.DURATION);
    if (duration == null) {
      return Optional.empty();
    }
    OptionalDouble init = optional(Metric.INIT_DURATION);
    double billed =
        metrics.getOrDefault(Metric.BILLED_DURATION, Math.ceil(duration + init.orElse(0)));
    return Optional.of(
        new Report(
            Optional.ofNullable(requestId),
            duration,
            billed,
            optionalInt(Metric.MEMORY_SIZE),
            optionalInt(Metric.MAX_MEMORY_USED),
            init,
            optional(Metric.RESTORE_DURATION),
            optional(Metric.BILLED_RESTORE_DURATION),
            Optional.ofNullable(status).filter(s -> !s.equalsIgnoreCase("success")),
            Optional.ofNullable(errorType),
            Optional.ofNullable(cpuScaling),
            optional(Metric.CPU_WAIT),
            contended));
  }

  private OptionalDouble optional(Metric metric) {
    Double value = metrics.get(metric);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  private OptionalInt optionalInt(Metric metric) {
    Double value = metrics.get(metric);
    return value == null ? OptionalInt.empty() : OptionalInt.of((int) Math.round(value));
  }
}
