package io.powertune.analyzer.tuning;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How results are said in words: prices, durations and their changes. */
public final class Wording {

  private Wording() {}

  /** "12% cheaper", "5% more expensive" or "as cheap", of {@code cost} against {@code baseline}. */
  public static String costDelta(double cost, double baseline) {
    double change = (cost - baseline) / baseline;
    if (Math.abs(change) < 0.005) {
      return "as cheap";
    }
    return percent(Math.abs(change)) + (change < 0 ? " cheaper" : " more expensive");
  }

  /** "2.1x faster", "12% faster", "30% slower" or "as fast", against {@code baseline}. */
  public static String speedDelta(double duration, double baseline) {
    if (duration <= 0 || Math.abs(duration - baseline) / baseline < 0.005) {
      return "as fast";
    }
    if (duration < baseline) {
      double factor = baseline / duration;
      return factor >= 1.5
          ? String.format(Locale.ROOT, "%.1fx faster", factor)
          : percent(1 - duration / baseline) + " faster";
    }
    return percent(duration / baseline - 1) + " slower";
  }

  /** A share as a rounded percentage ({@code 0.384} is "38%"). */
  public static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  /** A duration in ms: one decimal below 100 ms, none above. */
  public static String ms(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f ms" : "%.1f ms", value);
  }

  /** A price with three significant digits, in plain notation ({@code $0.00000123}). */
  public static String money(double value) {
    if (value == 0) {
      return "$0";
    }
    return "$"
        + new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
