package io.powertune.tuner.execute;

import io.powertune.analyzer.report.Report;
import java.util.Locale;

/** Why a size is unsuitable, in words a person acts on. */
public final class Failures {

  /** Lambda's error type when a function runs out of memory. */
  public static final String OUT_OF_MEMORY = "Runtime.OutOfMemory";

  /** Lambda's error type when a function times out. */
  public static final String TIMED_OUT = "Sandbox.Timedout";

  private static final int MAX_MESSAGE = 300;

  private Failures() {}

  /**
   * The reason for a failed invocation.
   *
   * @param index the invocation's index
   * @param count the invocations planned for the size
   * @param errorType the function error's type
   * @param message its message
   * @param report the invocation's REPORT
   * @param payload the payload it was sent, or null to leave it out
   */
  public static String reason(
      int index, int count, String errorType, String message, Report report, String payload) {
    String at = " at invocation " + (index + 1) + " of " + count;
    if (OUT_OF_MEMORY.equals(errorType)) {
      String used =
          report.maxMemoryUsedMb().isPresent()
              ? "; Max Memory Used " + report.maxMemoryUsedMb().getAsInt() + " MB"
              : "";
      return "ran out of memory (" + OUT_OF_MEMORY + ")" + at + used;
    }
    if (TIMED_OUT.equals(errorType) || report.status().filter("timeout"::equals).isPresent()) {
      return String.format(
          Locale.ROOT,
          "timed out (%s)%s after %.0f ms; raise the function's timeout if this size should be"
              + " considered",
          TIMED_OUT,
          at,
          report.durationMs());
    }
    String with = payload == null ? "" : " with payload " + shorten(payload);
    return "failed with "
        + errorType
        + ": "
        + shorten(message)
        + at
        + with
        + " (add the type to allowedExceptions if it is expected)";
  }

  /** A processor's failure, which ends the run. */
  public static String processorFailed(
      String which, String arn, String errorType, String message, String payload) {
    String with = payload == null ? "" : " with payload " + shorten(payload);
    return which + " " + arn + " failed" + with + ": " + errorType + ": " + shorten(message);
  }

  static String shorten(String text) {
    if (text == null) {
      return "";
    }
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
  }
}
