package io.powertune.cli.install;

import io.powertune.platform.trusted.TrustedHandler;
import io.powertune.tuner.TunerFunctions;
import java.util.List;

/**
 * The tuner's functions as trusted handlers: a platform started by powertune runs them inside its
 * own JVM, so they start at once and take no CPU from the function being measured.
 */
public final class TrustedTuner {

  private TrustedTuner() {}

  public static List<TrustedHandler> handlers() {
    String sha256 = TunerPackage.shipped().sha256();
    return TunerFunctions.ALL.stream()
        .map(f -> new TrustedHandler(f.handler(), sha256, f.factory()::apply))
        .toList();
  }
}
