package io.powertune.platform.lambda.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.platform.http.JsonProtocol;
import io.powertune.platform.resources.CpuWait;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** Lambda's platform log lines, in the Text format or as JSON records. */
final class PlatformLines {

  /**
   * The figures of a REPORT line.
   *
   * @param requestId the invocation
   * @param durationMs Duration
   * @param billedMs Billed Duration
   * @param memorySizeMb Memory Size
   * @param maxMemoryUsedMb Max Memory Used
   * @param initDurationMs Init Duration, or negative when warm
   * @param status null, {@code timeout} or {@code error}
   * @param errorType with status error, e.g. {@code Runtime.ExitError}
   * @param cpuWait how long the invocation waited for a CPU beyond its quota, or null where the
   *     platform cannot tell
   */
  record Report(
      String requestId,
      double durationMs,
      long billedMs,
      int memorySizeMb,
      int maxMemoryUsedMb,
      double initDurationMs,
      String status,
      String errorType,
      CpuWait cpuWait) {}

  private final boolean json;
  private final boolean cpuScaled;

  PlatformLines(String logFormat) {
    this(logFormat, true);
  }

  /**
   * @param cpuScaled false where the platform cannot limit CPU: REPORTs then say {@code CPU
   *     Scaling: unavailable} (JSON: {@code "cpuScaling":"unavailable"}), so results built on them
   *     can say so
   */
  PlatformLines(String logFormat, boolean cpuScaled) {
    this.cpuScaled = cpuScaled;
    this.json = logFormat.equals("JSON");
  }

  String initStart(String runtime, String region, Instant now) {
    String arn = "arn:aws:lambda:" + region + "::runtime:" + runtime;
    if (json) {
      ObjectNode record = record();
      record
          .put("initializationType", "on-demand")
          .put("phase", "init")
          .put("runtimeVersion", runtime)
          .put("runtimeVersionArn", arn);
      return envelope(now, "platform.initStart", record);
    }
    return "INIT_START Runtime Version: " + runtime + "\tRuntime Version ARN: " + arn;
  }

  String start(String requestId, String version, Instant now) {
    if (json) {
      ObjectNode record = record();
      record.put("requestId", requestId).put("version", version);
      return envelope(now, "platform.start", record);
    }
    return "START RequestId: " + requestId + " Version: " + version;
  }

  /** Text only: JSON format has no END record. */
  String end(String requestId) {
    return json ? null : "END RequestId: " + requestId;
  }

  String report(Report r, Instant now) {
    if (json) {
      ObjectNode record = record();
      record.put("requestId", r.requestId());
      ObjectNode metrics = record.putObject("metrics");
      metrics
          .put("durationMs", round2(r.durationMs()))
          .put("billedDurationMs", r.billedMs())
          .put("memorySizeMB", r.memorySizeMb())
          .put("maxMemoryUsedMB", r.maxMemoryUsedMb());
      if (r.initDurationMs() >= 0) {
        metrics.put("initDurationMs", round2(r.initDurationMs()));
      }
      if (r.cpuWait() != null) {
        metrics.put("cpuWaitMs", r.cpuWait().waitMs());
      }
      record.put("status", r.status() == null ? "success" : r.status());
      if (!cpuScaled) {
        record.put("cpuScaling", "unavailable");
      }
      if (r.cpuWait() != null && r.cpuWait().contended()) {
        record.put("contended", true);
      }
      if (r.errorType() != null) {
        record.put("errorType", r.errorType());
      }
      return envelope(now, "platform.report", record);
    }
    StringBuilder line =
        new StringBuilder("REPORT RequestId: ")
            .append(r.requestId())
            .append("\tDuration: ")
            .append(format2(r.durationMs()))
            .append(" ms\tBilled Duration: ")
            .append(r.billedMs())
            .append(" ms\tMemory Size: ")
            .append(r.memorySizeMb())
            .append(" MB\tMax Memory Used: ")
            .append(r.maxMemoryUsedMb())
            .append(" MB\t");
    if (r.initDurationMs() >= 0) {
      line.append("Init Duration: ").append(format2(r.initDurationMs())).append(" ms\t");
    }
    if (!cpuScaled) {
      line.append("CPU Scaling: unavailable\t");
    }
    if (r.cpuWait() != null) {
      line.append("CPU Wait: ").append(format2(r.cpuWait().waitMs())).append(" ms\t");
      if (r.cpuWait().contended()) {
        line.append("Contended: true\t");
      }
    }
    if (r.status() != null) {
      line.append("Status: ").append(r.status());
      if (r.errorType() != null) {
        line.append("\tError Type: ").append(r.errorType());
      }
    }
    return line.toString();
  }

  /** The line a timed-out invocation gets, in both formats. */
  static String timedOut(String requestId, int timeoutSeconds, Instant now) {
    return now + " " + requestId + " Task timed out after " + format2(timeoutSeconds) + " seconds";
  }

  String initReport(double initDurationMs, String errorType) {
    return "INIT_REPORT Init Duration: "
        + format2(initDurationMs)
        + " ms\tPhase: init\tStatus: error\tError Type: "
        + errorType;
  }

  /** Rounds to the two decimals a REPORT line shows. */
  static double round2(double ms) {
    return Math.round(ms * 100) / 100.0;
  }

  static String format2(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static ObjectNode record() {
    return JsonProtocol.MAPPER.createObjectNode();
  }

  private static String envelope(Instant now, String type, ObjectNode record) {
    ObjectNode node = JsonProtocol.MAPPER.createObjectNode();
    node.put("time", now.toString()).put("type", type).set("record", record);
    return node.toString();
  }
}
