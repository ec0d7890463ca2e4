package io.powertune.visualizer;

import java.math.BigDecimal;
import java.util.Locale;

/** Numbers as the reports print them. */
final class Numbers {

  private Numbers() {}

  /** A number without trailing zeros ({@code 0.5}, {@code 1}). */
  static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** Milliseconds with two decimals. */
  static String ms(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** Dollars per million invocations, with two decimals ({@code $1.62}). */
  static String perMillion(double pricePerInvocation) {
    return String.format(Locale.ROOT, "$%.2f", pricePerInvocation * 1_000_000);
  }

  /**
   * A share as a percentage, rounded down to one decimal, without trailing zeros ({@code 97%},
   * {@code 99.9%}): a confidence is never shown higher than it is.
   */
  static String percent(double share) {
    if (!Double.isFinite(share)) {
      return "?%";
    }
    return plain(Math.floor(share * 1000 + 1e-9) / 10) + "%";
  }

  /** A signed percentage with one decimal ({@code +12.3%}). */
  static String signedPercent(double share) {
    return String.format(Locale.ROOT, "%+.1f%%", share * 100);
  }
}
