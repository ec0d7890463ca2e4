package io.powertune.cli;

import io.powertune.analyzer.pricing.PriceCatalog;
import io.powertune.analyzer.pricing.PriceCatalogReader;
import io.powertune.analyzer.pricing.PriceCatalogs;

/** Resolves {@code --prices}: a built-in catalog name, or the path of the user's own price file. */
final class PriceOption {

  static final String FLAG = "--prices";

  private PriceOption() {}

  static PriceCatalog resolve(String value) {
    if (PriceCatalogs.BUILT_IN.contains(value)) {
      return PriceCatalogs.builtIn(value);
    }
    String json = JsonInput.text(value, FLAG, System.in);
    return PriceCatalogReader.read(json, FLAG + " " + value);
  }
}
