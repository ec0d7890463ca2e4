package io.powertune.platform.lambda;

import io.powertune.platform.lambda.model.FunctionConfig;
import io.powertune.platform.lambda.model.FunctionRef;

/**
 * A function reference resolved to the version it runs.
 *
 * @param ref what the caller named
 * @param version {@code $LATEST} or the version number (an alias is resolved)
 * @param config that version's configuration
 */
public record Resolved(FunctionRef ref, String version, FunctionConfig config) {}
