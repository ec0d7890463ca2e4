package io.powertune.analyzer.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The price files shipped with powertune. */
public final class PriceCatalogs {

  /** AWS's current list prices; the default. */
  public static final String AWS = "aws";

  /** The original tool's tables, exactly, for comparing with its runs. */
  public static final String ANCHOR = "anchor";

  /** Names of the built-in catalogs. */
  public static final List<String> BUILT_IN = List.of(AWS, ANCHOR);

  private PriceCatalogs() {}

  /** The default catalog: AWS list prices. */
  public static PriceCatalog defaults() {
    return builtIn(AWS);
  }

  /**
   * A built-in catalog by name.
   *
   * @throws IllegalArgumentException for a name not in {@link #BUILT_IN}
   */
  public static PriceCatalog builtIn(String name) {
    if (!BUILT_IN.contains(name)) {
      throw new IllegalArgumentException("no built-in price catalog named " + name);
    }
    String resource = "/io/powertune/analyzer/pricing/" + name + ".json";
    try (InputStream in = PriceCatalogs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return PriceCatalogReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
