package io.powertune.cli;

import io.powertune.analyzer.pricing.Regions;
import java.util.Map;

/**
 * Resolves {@code --region}: the flag, else AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1.
 */
final class RegionOption {

  static final String FLAG = "--region";

  private RegionOption() {}

  static String resolve(String flagValue, Map<String, String> environment) {
    if (flagValue != null) {
      return Regions.validate(flagValue, FLAG);
    }
    for (String variable : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
      String value = environment.get(variable);
      if (value != null && !value.isBlank()) {
        return Regions.validate(value.strip(), variable);
      }
    }
    return Regions.DEFAULT;
  }
}
