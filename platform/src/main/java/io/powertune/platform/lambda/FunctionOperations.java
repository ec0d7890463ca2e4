package io.powertune.platform.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.platform.http.JsonProtocol;
import io.powertune.platform.lambda.errors.InvalidParameterValueException;
import io.powertune.platform.lambda.errors.PreconditionFailedException;
import io.powertune.platform.lambda.errors.ResourceConflictException;
import io.powertune.platform.lambda.errors.Validation;
import io.powertune.platform.lambda.model.AliasConfig;
import io.powertune.platform.lambda.model.FunctionConfig;
import io.powertune.platform.lambda.model.FunctionKey;
import io.powertune.platform.lambda.model.FunctionRef;
import io.powertune.platform.lambda.model.UpdateStatus;
import io.powertune.platform.store.FunctionStore;
import java.util.List;
import java.util.function.BiConsumer;

/** CreateFunction, Get*, Update*, DeleteFunction and ListFunctions. */
final class FunctionOperations {

  private final Functions functions;
  private final FunctionStore store;
  private final CodePackages code;
  private final VersionOperations versions;
  private final BiConsumer<FunctionKey, String> retire;

  /**
   * @param retire called when a version's environments must not serve again (config changed)
   */
  FunctionOperations(
      Functions functions,
      CodePackages code,
      VersionOperations versions,
      BiConsumer<FunctionKey, String> retire) {
    this.functions = functions;
    this.store = functions.store();
    this.code = code;
    this.versions = versions;
    this.retire = retire;
  }

  ObjectNode create(String account, String region, JsonNode body) {
    String name = body.path("FunctionName").asText(null);
    if (name == null) {
      throw Validation.missing("functionName");
    }
    if (!FunctionRequests.NAME.matcher(name).matches()) {
      throw Validation.pattern("functionName", name, FunctionRequests.NAME.pattern());
    }
    FunctionKey key = new FunctionKey(account, region, name);
    String zip = body.path("Code").path("ZipFile").asText(null);
    if (zip == null) {
      throw new InvalidParameterValueException(
          "Please provide a source for function code: Code.ZipFile (S3 and images are not"
              + " supported by this platform)");
    }
    FunctionConfig config =
        FunctionRequests.create(name, body, functions.now(), functions.newRevisionId());
    CodePackages.Package stored = code.put(zip);
    try {
      config = config.withCode(stored.sha256Base64(), stored.size());
      code.unpacked(stored.sha256Base64());
      if (!store.create(key, config)) {
        throw new ResourceConflictException("Function already exist: " + name);
      }
    } finally {
      code.release(stored);
    }
    if (body.path("Publish").asBoolean(false)) {
      // as on AWS, the answer describes the version just published
      return versions.publish(FunctionRef.unqualified(key), JsonProtocol.MAPPER.createObjectNode());
    }
    return LambdaJson.configuration(key, "$LATEST", null, config);
  }

  ObjectNode getConfiguration(FunctionRef ref) {
    Resolved r = functions.resolve(ref);
    return LambdaJson.configuration(ref.key(), r.version(), ref.qualifier(), r.config());
  }

  ObjectNode get(FunctionRef ref) {
    Resolved r = functions.resolve(ref);
    ObjectNode node = JsonProtocol.MAPPER.createObjectNode();
    node.set(
        "Configuration",
        LambdaJson.configuration(ref.key(), r.version(), ref.qualifier(), r.config()));
    node.putObject("Code").put("RepositoryType", "S3").put("Location", "");
    node.putObject("Tags");
    store
        .reservedConcurrency(ref.key())
        .ifPresent(c -> node.putObject("Concurrency").put("ReservedConcurrentExecutions", c));
    return node;
  }

  ObjectNode updateConfiguration(FunctionRef ref, JsonNode body) {
    FunctionConfig current = latestForUpdate(ref, body);
    FunctionConfig updated =
        FunctionRequests.apply(current, body)
            .withRevision(functions.newRevisionId(), functions.now())
            .withStatus(
                current.state(),
                "The function is being created.",
                "Creating",
                current.lastUpdateStatus().to(UpdateStatus.InProgress));
    store.putVersion(ref.key(), "$LATEST", updated);
    retire.accept(ref.key(), "$LATEST");
    return LambdaJson.configuration(ref.key(), "$LATEST", null, updated);
  }

  ObjectNode updateCode(FunctionRef ref, JsonNode body) {
    FunctionConfig current = latestForUpdate(ref, body);
    String zip = body.path("ZipFile").asText(null);
    if (zip == null) {
      throw new InvalidParameterValueException(
          "Please provide a source for function code: ZipFile");
    }
    CodePackages.Package stored = code.put(zip);
    FunctionConfig updated;
    try {
      code.unpacked(stored.sha256Base64());
      if (body.path("DryRun").asBoolean(false)) {
        return LambdaJson.configuration(
            ref.key(), "$LATEST", null, current.withCode(stored.sha256Base64(), stored.size()));
      }
      updated =
          FunctionRequests.apply(current.withCode(stored.sha256Base64(), stored.size()), body)
              .withRevision(functions.newRevisionId(), functions.now())
              .withStatus(
                  current.state(),
                  "The function is being created.",
                  "Creating",
                  current.lastUpdateStatus().to(UpdateStatus.InProgress));
      store.putVersion(ref.key(), "$LATEST", updated);
    } finally {
      code.release(stored);
    }
    retire.accept(ref.key(), "$LATEST");
    code.deleteUnused();
    if (body.path("Publish").asBoolean(false)) {
      return versions.publish(
          FunctionRef.unqualified(ref.key()), JsonProtocol.MAPPER.createObjectNode());
    }
    return LambdaJson.configuration(ref.key(), "$LATEST", null, updated);
  }

  void delete(FunctionRef ref) {
    functions.requireFunction(ref);
    String qualifier = ref.qualifier();
    if (qualifier == null) {
      store.versions(ref.key()).forEach(v -> retire.accept(ref.key(), v));
      store.deleteFunction(ref.key());
      code.deleteUnused();
      return;
    }
    if (qualifier.equals("$LATEST")) {
      throw new InvalidParameterValueException(
          "$LATEST version cannot be deleted without deleting the function.");
    }
    if (!qualifier.matches("\\d+")) {
      throw new InvalidParameterValueException("Deletion of aliases is not currently supported.");
    }
    functions.resolve(ref);
    List<String> users =
        store.aliases(ref.key()).stream()
            .filter(
                a ->
                    a.functionVersion().equals(qualifier)
                        || a.additionalVersionWeights().containsKey(qualifier))
            .map(AliasConfig::name)
            .toList();
    if (!users.isEmpty()) {
      throw new ResourceConflictException(
          "Unable to delete version because the following aliases reference it: " + users);
    }
    retire.accept(ref.key(), qualifier);
    store.deleteVersion(ref.key(), qualifier);
    code.deleteUnused();
  }

  ObjectNode list(String account, String region, String functionVersion, String marker, int max) {
    ObjectNode result = JsonProtocol.MAPPER.createObjectNode();
    ArrayNode array = result.putArray("Functions");
    List<FunctionKey> keys = store.functions(account, region);
    int index = 0;
    int from = Paging.start(marker);
    for (FunctionKey key : keys) {
      List<String> names = "ALL".equals(functionVersion) ? store.versions(key) : List.of("$LATEST");
      for (String version : names) {
        if (index >= from && array.size() < max) {
          FunctionConfig config =
              functions.settle(key, version, store.version(key, version).orElseThrow());
          array.add(
              LambdaJson.configuration(
                  key, version, version.equals("$LATEST") ? null : version, config));
        } else if (array.size() == max) {
          result.put("NextMarker", Paging.marker(index));
          return result;
        }
        index++;
      }
    }
    return result;
  }

  private FunctionConfig latestForUpdate(FunctionRef ref, JsonNode body) {
    functions.requireFunction(ref);
    FunctionConfig current = functions.resolve(FunctionRef.unqualified(ref.key())).config();
    String revision = body.path("RevisionId").asText(null);
    if (revision != null && !revision.equals(current.revisionId())) {
      throw PreconditionFailedException.staleRevision();
    }
    return current;
  }
}
