package io.powertune.platform.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.platform.http.JsonProtocol;
import io.powertune.platform.lambda.errors.InvalidParameterValueException;
import io.powertune.platform.lambda.errors.ResourceNotFoundException;
import io.powertune.platform.lambda.errors.Validation;
import io.powertune.platform.lambda.model.FunctionKey;
import io.powertune.platform.lambda.model.FunctionRef;
import io.powertune.platform.store.FunctionStore;

/** Put/Get/DeleteFunctionConcurrency and GetAccountSettings. */
final class ConcurrencyOperations {

  private static final int MIN_UNRESERVED = 100;

  private final Functions functions;
  private final FunctionStore store;
  private final int accountLimit;

  ConcurrencyOperations(Functions functions, int accountLimit) {
    this.functions = functions;
    this.store = functions.store();
    this.accountLimit = accountLimit;
  }

  ObjectNode put(FunctionRef ref, JsonNode body) {
    if (!store.exists(ref.key())) {
      // as on AWS, this operation names $LATEST in its not-found message
      throw new ResourceNotFoundException("Function not found: " + ref.key().arn("$LATEST"));
    }
    JsonNode value = body.path("ReservedConcurrentExecutions");
    if (!value.canConvertToInt()) {
      throw Validation.missing("reservedConcurrentExecutions");
    }
    int reserved = value.asInt();
    if (reserved < 0) {
      throw Validation.atLeast("reservedConcurrentExecutions", reserved, 0);
    }
    if (accountLimit - store.reservedConcurrencyOfOthers(ref.key()) - reserved < MIN_UNRESERVED) {
      throw new InvalidParameterValueException(
          "Specified ReservedConcurrentExecutions for function decreases account's"
              + " UnreservedConcurrentExecution below its minimum value of ["
              + MIN_UNRESERVED
              + "].");
    }
    store.setReservedConcurrency(ref.key(), reserved);
    return JsonProtocol.MAPPER.createObjectNode().put("ReservedConcurrentExecutions", reserved);
  }

  ObjectNode get(FunctionRef ref) {
    functions.requireFunction(ref);
    ObjectNode node = JsonProtocol.MAPPER.createObjectNode();
    store
        .reservedConcurrency(ref.key())
        .ifPresent(c -> node.put("ReservedConcurrentExecutions", c));
    return node;
  }

  void delete(FunctionRef ref) {
    functions.requireFunction(ref);
    store.setReservedConcurrency(ref.key(), null);
  }

  ObjectNode accountSettings(String account, String region) {
    long codeSize = 0;
    int count = 0;
    for (FunctionKey key : store.functions(account, region)) {
      count++;
      for (String version : store.versions(key)) {
        codeSize += store.version(key, version).map(c -> c.codeSize()).orElse(0L);
      }
    }
    int reserved = store.reservedConcurrencyOfOthers(new FunctionKey(account, region, ""));
    ObjectNode node = JsonProtocol.MAPPER.createObjectNode();
    node.putObject("AccountLimit")
        .put("TotalCodeSize", 80_530_636_800L)
        .put("CodeSizeUnzipped", 262_144_000L)
        .put("CodeSizeZipped", 52_428_800L)
        .put("ConcurrentExecutions", accountLimit)
        .put("UnreservedConcurrentExecutions", accountLimit - reserved);
    node.putObject("AccountUsage").put("TotalCodeSize", codeSize).put("FunctionCount", count);
    return node;
  }
}
