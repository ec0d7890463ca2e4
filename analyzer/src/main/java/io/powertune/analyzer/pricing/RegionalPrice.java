package io.powertune.analyzer.pricing;

import java.util.Map;

/**
 * One price that may differ by region.
 *
 * @param defaultPrice the price for regions without an entry of their own
 * @param byRegion prices of the regions that differ
 */
public record RegionalPrice(double defaultPrice, Map<String, Double> byRegion) {

  public RegionalPrice {
    byRegion = Map.copyOf(byRegion);
  }

  /** The region's own price, or the default one. */
  public double forRegion(String region) {
    return byRegion.getOrDefault(region, defaultPrice);
  }
}
