package io.powertune.analyzer;

import io.powertune.analyzer.pricing.PriceCatalog;

/**
 * Where the analysis runs: what the original reads from its deployment.
 *
 * @param region the tuner's region, which prices the state transitions and picks the viewer's
 *     currency
 * @param prices the price catalog
 * @param visualizationBaseUrl the viewer the link points to
 */
public record AnalysisSettings(String region, PriceCatalog prices, String visualizationBaseUrl) {}
