package io.powertune.cli;

import io.powertune.analyzer.model.InvalidInputException;

/** A percentage flag ({@code 5%} or {@code 5}), read as a share. */
final class Percent {

  private Percent() {}

  static double parse(String text, String flag) {
    String value =
        text.strip().endsWith("%")
            ? text.strip().substring(0, text.strip().length() - 1)
            : text.strip();
    try {
      double percent = Double.parseDouble(value);
      if (percent >= 0 && percent <= 1000) {
        return percent / 100;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException(flag, "'" + text + "' is not a percentage; give e.g. 5%");
  }
}
