package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.powertune.statemachine.ErrorNames;
import io.powertune.statemachine.path.Paths;
import io.powertune.statemachine.states.DataFlow;
import java.util.Random;

/** InputPath, Parameters, ResultSelector, ResultPath and OutputPath, in that order. */
final class DataFlows {

  private DataFlows() {}

  /** InputPath: null (JSON null) gives {}. */
  static JsonNode input(String inputPath, JsonNode raw, JsonNode context) {
    if (inputPath == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    return Paths.read(inputPath, raw, context, ErrorNames.RUNTIME);
  }

  /** InputPath then Parameters: what the state's work gets. */
  static JsonNode effectiveInput(DataFlow flow, JsonNode raw, JsonNode context, Random random) {
    JsonNode input = input(flow.inputPath(), raw, context);
    return flow.parameters() == null ? input : flow.parameters().apply(input, context, random);
  }

  /** ResultSelector, ResultPath (into the raw input) and OutputPath. */
  static JsonNode output(
      DataFlow flow, JsonNode raw, JsonNode result, JsonNode context, Random random) {
    JsonNode selected =
        flow.resultSelector() == null
            ? result
            : flow.resultSelector().apply(result, context, random);
    JsonNode merged = flow.resultPath() == null ? raw : flow.resultPath().write(raw, selected);
    return outputPath(flow.outputPath(), merged, context);
  }

  /** OutputPath: null (JSON null) gives {}. */
  static JsonNode outputPath(String outputPath, JsonNode value, JsonNode context) {
    if (outputPath == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    return Paths.read(outputPath, value, context, ErrorNames.RUNTIME);
  }
}
