package io.powertune.tuner.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.analyzer.JsonFields;
import io.powertune.tuner.TunerJson;
import io.powertune.tuner.aws.TunerEnvironment;
import io.powertune.tuner.input.FunctionArn;

/** Reads the parts of the execution state that the steps after the Initializer share. */
final class StateReader {

  private StateReader() {}

  /** The function being tuned. */
  static FunctionArn target(JsonNode state, TunerEnvironment environment) {
    return FunctionArn.parse(
        JsonFields.text(state.get("lambdaARN"), "lambdaARN"), "lambdaARN", environment.region());
  }

  /** The Initializer's plan; null when the state has none (the Initializer did not finish). */
  static Configurations configurations(JsonNode state) {
    JsonNode node = state.get("lambdaConfigurations");
    if (JsonFields.isAbsent(node)) {
      return null;
    }
    try {
      return TunerJson.MAPPER.treeToValue(node, Configurations.class);
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "lambdaConfigurations is not what the Initializer writes: " + e.getMessage(), e);
    }
  }
}
