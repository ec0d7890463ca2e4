package io.powertune.platform.runtime;

import io.powertune.platform.lambda.model.FunctionConfig;
import io.powertune.platform.lambda.model.FunctionKey;
import java.nio.file.Path;

/**
 * What an execution environment runs: one version of one function, with its code unpacked.
 *
 * @param key the function
 * @param version {@code $LATEST} or a version number
 * @param config the version's configuration
 * @param codeDir the unpacked deployment package
 */
public record EnvironmentSpec(
    FunctionKey key, String version, FunctionConfig config, Path codeDir) {

  /** Environments are shared only between invocations of the same version and revision. */
  public String poolKey() {
    return key.account()
        + "/"
        + key.region()
        + "/"
        + key.name()
        + "/"
        + version
        + "/"
        + config.revisionId();
  }
}
