package io.powertune.visualizer;

/** An unsuitable size's reason, short enough for a chart label. */
final class ShortReason {

  private ShortReason() {}

  static String of(String reason) {
    if (reason == null) {
      return "unsuitable";
    }
    if (reason.startsWith("ran out of memory")) {
      return "out of memory";
    }
    if (reason.startsWith("timed out")) {
      return "timed out";
    }
    if (reason.startsWith("failed with ")) {
      int colon = reason.indexOf(':');
      return "failed (" + reason.substring(12, colon < 0 ? reason.length() : colon) + ")";
    }
    return reason.length() <= 40 ? reason : reason.substring(0, 37) + "...";
  }
}
