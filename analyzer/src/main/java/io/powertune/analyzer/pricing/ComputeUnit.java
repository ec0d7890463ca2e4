package io.powertune.analyzer.pricing;

/** The unit in which a price table states Lambda compute prices. */
public enum ComputeUnit {
  /** Dollars per GB-second, as AWS publishes them. */
  GB_SECOND("GB-second"),
  /** Dollars per millisecond at 128 MB, as the original tool's tables state them. */
  MS_AT_128_MB("ms-at-128MB");

  private final String fileName;

  ComputeUnit(String fileName) {
    this.fileName = fileName;
  }

  /** The unit's name in a price file. */
  public String fileName() {
    return fileName;
  }

  /**
   * Price of {@code billedMs} (rounded up to the next millisecond) at {@code memoryMb}. The
   * ms-at-128MB formula is the original's, operation for operation: {@code ceil(ms) * base * (mem /
   * 128)}.
   */
  double price(double rate, int memoryMb, double billedMs) {
    double ms = Math.ceil(billedMs);
    return switch (this) {
      case GB_SECOND -> ms / 1000.0 * (memoryMb / 1024.0) * rate;
      case MS_AT_128_MB -> ms * rate * (memoryMb / 128.0);
    };
  }
}
