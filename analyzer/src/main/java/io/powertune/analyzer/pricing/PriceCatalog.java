package io.powertune.analyzer.pricing;

import java.time.LocalDate;
import java.util.Map;

/**
 * Lambda and Step Functions prices, as read from a price file.
 *
 * @param name the catalog's name ({@code aws}, {@code anchor}, or a user file's)
 * @param source where the prices come from
 * @param takenOn the date the prices were taken
 * @param computeUnit the unit of {@code compute}
 * @param compute Lambda compute price by architecture
 * @param requestsPerMillion Lambda request charge per million invocations
 * @param stepFunctionsPerTransition Step Functions (Standard) price per state transition
 */
public record PriceCatalog(
    String name,
    String source,
    LocalDate takenOn,
    ComputeUnit computeUnit,
    Map<Architecture, RegionalPrice> compute,
    RegionalPrice requestsPerMillion,
    RegionalPrice stepFunctionsPerTransition) {

  public PriceCatalog {
    compute = Map.copyOf(compute);
  }

  /** Cost of one invocation billed for {@code billedMs} at {@code memoryMb} in {@code region}. */
  public CostBreakdown invocationCost(
      Architecture architecture, String region, int memoryMb, double billedMs) {
    return new CostBreakdown(
        computePrice(architecture, region, memoryMb, billedMs), requestPrice(region));
  }

  /** The duration charge alone: billed ms rounded up, times the memory's share of the rate. */
  public double computePrice(
      Architecture architecture, String region, int memoryMb, double billedMs) {
    return computeUnit.price(compute.get(architecture).forRegion(region), memoryMb, billedMs);
  }

  /** The charge for one request. */
  public double requestPrice(String region) {
    return requestsPerMillion.forRegion(region) / 1_000_000.0;
  }

  /** The price of one Step Functions state transition in {@code region}. */
  public double stateTransitionPrice(String region) {
    return stepFunctionsPerTransition.forRegion(region);
  }
}
