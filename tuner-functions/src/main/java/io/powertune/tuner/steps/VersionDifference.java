package io.powertune.tuner.steps;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.Layer;

/**
 * What sets a published version apart from $LATEST, memory aside: a tuning publishes versions of
 * $LATEST, so a qualified target is tuned only when $LATEST runs it the same way.
 */
final class VersionDifference {

  private static final Map<String, Function<GetFunctionConfigurationResponse, Object>> FIELDS =
      new LinkedHashMap<>();

  static {
    FIELDS.put("code", GetFunctionConfigurationResponse::codeSha256);
    FIELDS.put("runtime", GetFunctionConfigurationResponse::runtimeAsString);
    FIELDS.put("handler", GetFunctionConfigurationResponse::handler);
    FIELDS.put("architecture", GetFunctionConfigurationResponse::architecturesAsStrings);
    FIELDS.put("timeout", GetFunctionConfigurationResponse::timeout);
    FIELDS.put(
        "environment variables",
        c -> c.environment() == null ? Map.of() : c.environment().variables());
    FIELDS.put("layers", c -> c.layers().stream().map(Layer::arn).toList());
    FIELDS.put(
        "ephemeral storage",
        c -> c.ephemeralStorage() == null ? null : c.ephemeralStorage().size());
  }

  private VersionDifference() {}

  /** The first setting in which the two differ, if any. */
  static Optional<String> between(
      GetFunctionConfigurationResponse version, GetFunctionConfigurationResponse latest) {
    return FIELDS.entrySet().stream()
        .filter(f -> !Objects.equals(f.getValue().apply(version), f.getValue().apply(latest)))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
