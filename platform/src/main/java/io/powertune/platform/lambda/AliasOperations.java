package io.powertune.platform.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.platform.http.JsonProtocol;
import io.powertune.platform.lambda.errors.InvalidParameterValueException;
import io.powertune.platform.lambda.errors.PreconditionFailedException;
import io.powertune.platform.lambda.errors.ResourceConflictException;
import io.powertune.platform.lambda.errors.ResourceNotFoundException;
import io.powertune.platform.lambda.errors.Validation;
import io.powertune.platform.lambda.model.AliasConfig;
import io.powertune.platform.lambda.model.FunctionKey;
import io.powertune.platform.lambda.model.FunctionRef;
import io.powertune.platform.store.FunctionStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** CreateAlias, GetAlias, UpdateAlias, DeleteAlias and ListAliases. */
final class AliasOperations {

  private static final Pattern NAME = Pattern.compile("(?!^[0-9]+$)([a-zA-Z0-9-_]{1,128})");

  private final Functions functions;
  private final FunctionStore store;

  AliasOperations(Functions functions) {
    this.functions = functions;
    this.store = functions.store();
  }

  ObjectNode create(FunctionRef ref, JsonNode body) {
    functions.requireFunction(ref);
    String name = body.path("Name").asText(null);
    if (name == null) {
      throw Validation.missing("name");
    }
    if (!NAME.matcher(name).matches()) {
      throw Validation.pattern("name", name, NAME.pattern());
    }
    String version = requiredVersion(ref.key(), body.path("FunctionVersion").asText(null));
    if (store.alias(ref.key(), name).isPresent()) {
      throw new ResourceConflictException("Alias already exists: " + ref.key().arn(name));
    }
    AliasConfig alias =
        new AliasConfig(
            name,
            version,
            body.path("Description").asText(""),
            weights(ref.key(), version, body.path("RoutingConfig")),
            functions.newRevisionId());
    store.putAlias(ref.key(), alias);
    return LambdaJson.alias(ref.key(), alias);
  }

  ObjectNode get(FunctionRef ref, String name) {
    return LambdaJson.alias(ref.key(), existing(ref, name));
  }

  ObjectNode update(FunctionRef ref, String name, JsonNode body) {
    AliasConfig current = existing(ref, name);
    String revision = body.path("RevisionId").asText(null);
    if (revision != null && !revision.equals(current.revisionId())) {
      throw PreconditionFailedException.staleRevision();
    }
    String version =
        body.has("FunctionVersion")
            ? requiredVersion(ref.key(), body.path("FunctionVersion").asText())
            : current.functionVersion();
    AliasConfig updated =
        new AliasConfig(
            name,
            version,
            body.has("Description") ? body.path("Description").asText() : current.description(),
            body.has("RoutingConfig")
                ? weights(ref.key(), version, body.path("RoutingConfig"))
                : current.additionalVersionWeights(),
            functions.newRevisionId());
    store.putAlias(ref.key(), updated);
    return LambdaJson.alias(ref.key(), updated);
  }

  /** Deletes the alias; succeeds also when it does not exist, as AWS does. */
  void delete(FunctionRef ref, String name) {
    functions.requireFunction(ref);
    store.deleteAlias(ref.key(), name);
  }

  ObjectNode list(FunctionRef ref, String functionVersion, String marker, int max) {
    functions.requireFunction(ref);
    List<AliasConfig> aliases =
        store.aliases(ref.key()).stream()
            .filter(a -> functionVersion == null || a.functionVersion().equals(functionVersion))
            .toList();
    int from = Paging.start(marker);
    ObjectNode result = JsonProtocol.MAPPER.createObjectNode();
    ArrayNode array = result.putArray("Aliases");
    for (int i = from; i < aliases.size() && i < from + max; i++) {
      array.add(LambdaJson.alias(ref.key(), aliases.get(i)));
    }
    if (from + max < aliases.size()) {
      result.put("NextMarker", Paging.marker(from + max));
    }
    return result;
  }

  private AliasConfig existing(FunctionRef ref, String name) {
    functions.requireFunction(ref);
    return store
        .alias(ref.key(), name)
        .orElseThrow(
            () -> new ResourceNotFoundException("Cannot find alias arn: " + ref.key().arn(name)));
  }

  private String requiredVersion(FunctionKey key, String version) {
    if (version == null) {
      throw Validation.missing("functionVersion");
    }
    if (store.version(key, version).isEmpty()) {
      throw new ResourceNotFoundException("Function not found: " + key.arn(version));
    }
    return version;
  }

  private Map<String, Double> weights(FunctionKey key, String version, JsonNode routing) {
    Map<String, Double> weights = new HashMap<>();
    routing
        .path("AdditionalVersionWeights")
        .properties()
        .forEach(e -> weights.put(e.getKey(), e.getValue().asDouble()));
    if (weights.isEmpty()) {
      return weights;
    }
    if (version.equals("$LATEST") || weights.containsKey("$LATEST")) {
      throw new InvalidParameterValueException(
          "$LATEST is not supported for an alias pointing to more than 1 version");
    }
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      requiredVersion(key, w.getKey());
      if (w.getValue() < 0 || w.getValue() > 1 || w.getKey().equals(version)) {
        throw new InvalidParameterValueException(
            "Invalid weight or version in AdditionalVersionWeights: "
                + w.getKey()
                + "="
                + w.getValue());
      }
    }
    return weights;
  }
}
