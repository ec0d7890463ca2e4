package io.powertune.platform.lambda;

import io.powertune.platform.lambda.errors.InvalidParameterValueException;

/** Lambda's Marker and MaxItems paging: the marker is the index of the next item. */
final class Paging {

  private Paging() {}

  static int start(String marker) {
    if (marker == null || marker.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(marker);
    } catch (NumberFormatException e) {
      throw new InvalidParameterValueException("Invalid Marker: " + marker);
    }
  }

  static String marker(int index) {
    return Integer.toString(index);
  }

  static int maxItems(String value) {
    if (value == null) {
      return 50;
    }
    try {
      int max = Integer.parseInt(value);
      if (max >= 1 && max <= 10_000) {
        return max;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw io.powertune.platform.lambda.errors.Validation.atLeast("maxItems", value, 1);
  }
}
