package io.powertune.platform.lambda.model;

import java.util.Map;

/**
 * An alias of a function.
 *
 * @param name the alias name
 * @param functionVersion the version it points to
 * @param description free text
 * @param additionalVersionWeights other versions and the share of calls they get
 * @param revisionId changes on every update
 */
public record AliasConfig(
    String name,
    String functionVersion,
    String description,
    Map<String, Double> additionalVersionWeights,
    String revisionId) {

  public AliasConfig {
    additionalVersionWeights = Map.copyOf(additionalVersionWeights);
  }
}
