package io.powertune.platform.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.platform.http.JsonProtocol;
import io.powertune.platform.lambda.errors.InvalidParameterValueException;
import io.powertune.platform.lambda.errors.PreconditionFailedException;
import io.powertune.platform.lambda.model.FunctionConfig;
import io.powertune.platform.lambda.model.FunctionKey;
import io.powertune.platform.lambda.model.FunctionRef;
import io.powertune.platform.lambda.model.FunctionState;
import io.powertune.platform.lambda.model.UpdateStatus;
import io.powertune.platform.store.FunctionStore;
import java.util.List;

/** PublishVersion and ListVersionsByFunction. */
final class VersionOperations {

  private final Functions functions;
  private final FunctionStore store;

  VersionOperations(Functions functions) {
    this.functions = functions;
    this.store = functions.store();
  }

  /**
   * Publishes $LATEST. When nothing changed since the newest published version, that version is
   * returned and no number is used up.
   */
  ObjectNode publish(FunctionRef ref, JsonNode body) {
    functions.requireFunction(ref);
    FunctionKey key = ref.key();
    FunctionConfig latest = functions.resolve(FunctionRef.unqualified(key)).config();
    String sha = body.path("CodeSha256").asText(null);
    if (sha != null && !sha.equals(latest.codeSha256())) {
      throw new InvalidParameterValueException(
          "CodeSHA256 ("
              + sha
              + ") is different from current CodeSHA256 in $LATEST ("
              + latest.codeSha256()
              + "). Please try again with the CodeSHA256 in $LATEST.");
    }
    String revision = body.path("RevisionId").asText(null);
    if (revision != null && !revision.equals(latest.revisionId())) {
      throw PreconditionFailedException.staleRevision();
    }
    String description = body.path("Description").asText(null);
    FunctionConfig candidate = description == null ? latest : latest.withDescription(description);
    List<String> names = store.versions(key);
    String newest = names.get(names.size() - 1);
    if (!newest.equals("$LATEST")) {
      FunctionConfig previous = store.version(key, newest).orElseThrow();
      if (previous.sameDeployment(candidate)) {
        return LambdaJson.configuration(key, newest, newest, previous);
      }
    }
    String version = Integer.toString(store.nextVersionNumber(key));
    FunctionConfig published =
        candidate
            .withRevision(functions.newRevisionId(), functions.now())
            .withStatus(FunctionState.Active, null, null, UpdateStatus.Successful);
    store.putVersion(key, version, published);
    return LambdaJson.configuration(key, version, version, published);
  }

  ObjectNode list(FunctionRef ref, String marker, int max) {
    functions.requireFunction(ref);
    List<String> names = store.versions(ref.key());
    int from = Paging.start(marker);
    ObjectNode result = JsonProtocol.MAPPER.createObjectNode();
    ArrayNode array = result.putArray("Versions");
    for (int i = from; i < names.size() && i < from + max; i++) {
      String version = names.get(i);
      FunctionConfig config =
          functions.settle(ref.key(), version, store.version(ref.key(), version).orElseThrow());
      array.add(LambdaJson.configuration(ref.key(), version, version, config));
    }
    if (from + max < names.size()) {
      result.put("NextMarker", Paging.marker(from + max));
    }
    return result;
  }
}
