package io.powertune.analyzer.pricing;

import io.powertune.analyzer.model.InvalidInputException;
import java.util.regex.Pattern;

/** AWS region names. */
public final class Regions {

  /** The region used when none is given. */
  public static final String DEFAULT = "us-east-1";

  private static final Pattern NAME = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

  private Regions() {}

  /**
   * Checks that {@code region} looks like an AWS region name ({@code eu-west-1}, {@code
   * us-gov-east-1}).
   *
   * @throws InvalidInputException naming {@code field} otherwise
   */
  public static String validate(String region, String field) {
    if (region == null || !NAME.matcher(region).matches()) {
      throw new InvalidInputException(
          field, "'" + region + "' is not an AWS region name; use one like us-east-1 or eu-west-1");
    }
    return region;
  }

  /** True for the China regions, whose prices are in CNY. */
  public static boolean isChina(String region) {
    return region.startsWith("cn-");
  }
}
