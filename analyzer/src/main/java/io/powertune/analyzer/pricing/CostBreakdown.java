package io.powertune.analyzer.pricing;

/**
 * What one invocation costs, in the catalog's currency for the region.
 *
 * @param compute the duration charge
 * @param request the per-request charge
 */
public record CostBreakdown(double compute, double request) {

  /** Compute plus request charge. */
  public double total() {
    return compute + request;
  }
}
