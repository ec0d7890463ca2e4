package io.powertune.statemachine.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.statemachine.path.PayloadTemplate;
import io.powertune.statemachine.states.Graph;
import io.powertune.statemachine.states.ItemBatcher;
import io.powertune.statemachine.states.MapRun;
import io.powertune.statemachine.states.MapState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses a Map state, INLINE or DISTRIBUTED. */
final class MapParser {

  /** What a Label may hold, as on AWS: up to 40 characters, none of them whitespace or special. */
  private static final Pattern LABEL =
      Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/]{1,40}");

  /** Fields only a DISTRIBUTED Map takes. */
  private static final Set<String> DISTRIBUTED_ONLY =
      Set.of("ItemBatcher", "Label", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath");

  /** Fields that read or write Amazon S3, which the platform does not have. */
  private static final Set<String> NEEDS_S3 = Set.of("ItemReader", "ResultWriter");

  private MapParser() {}

  static MapState map(String name, Fields fields, List<String> problems) {
    fields.allowOnly(
        StateParser.allowed(
            StateParser.FLOW,
            StateParser.ERRORS,
            "ItemsPath",
            "ItemSelector",
            "ItemProcessor",
            "Iterator",
            "MaxConcurrency",
            "MaxConcurrencyPath",
            "ToleratedFailurePercentage",
            "ToleratedFailureCount",
            "ToleratedFailurePercentagePath",
            "ToleratedFailureCountPath",
            "ItemBatcher",
            "ItemReader",
            "ResultWriter",
            "Label"));
    both(fields, "ItemSelector", "Parameters");
    both(fields, "ItemProcessor", "Iterator");
    both(fields, "MaxConcurrency", "MaxConcurrencyPath");
    both(fields, "ToleratedFailureCount", "ToleratedFailureCountPath");
    both(fields, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
    refuse(
        fields,
        NEEDS_S3,
        "reads or writes Amazon S3, which the platform does not have; give the items in the state"
            + " input (ItemsPath) and take the results from the Map's output");
    String processorField = fields.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
    JsonNode processorNode = fields.raw(processorField);
    Graph processor;
    MapRun mapRun = null;
    if (processorNode == null || !processorNode.isObject()) {
      fields.problem("These fields are required: [ItemProcessor]", fields.location());
      processor = new Graph("", Map.of());
    } else {
      processor = DefinitionParser.graph(processorNode, fields.at(processorField), problems);
      mapRun = mode(fields, processorNode.path("ProcessorConfig"), processorField);
    }
    if (mapRun == null) {
      refuse(
          fields,
          DISTRIBUTED_ONLY,
          "is only supported in DISTRIBUTED mode: set ProcessorConfig's Mode to DISTRIBUTED and its"
              + " ExecutionType");
    }
    PayloadTemplate selector =
        StateParser.template(fields, fields.has("ItemSelector") ? "ItemSelector" : "Parameters");
    Long maxConcurrency = fields.integer("MaxConcurrency", 0, Integer.MAX_VALUE);
    String maxConcurrencyPath = fields.path("MaxConcurrencyPath");
    Double percentage = fields.number("ToleratedFailurePercentage", 0, 100);
    Long count = fields.integer("ToleratedFailureCount", 0, Integer.MAX_VALUE);
    return new MapState(
        name,
        StateParser.flow(fields, false, true),
        StateParser.orDefault(fields.path("ItemsPath")),
        selector,
        processor,
        maxConcurrency == null ? 0 : maxConcurrency.intValue(),
        present(maxConcurrencyPath),
        percentage,
        count == null ? null : count.intValue(),
        mapRun,
        ErrorHandlingParser.retry(fields),
        ErrorHandlingParser.katch(fields),
        StateParser.transition(fields));
  }

  /** The DISTRIBUTED mode's settings, or null for INLINE (the default). */
  private static MapRun mode(Fields fields, JsonNode config, String processorField) {
    String at = fields.at(processorField) + "/ProcessorConfig";
    String mode = config.path("Mode").asText("INLINE");
    String executionType = config.path("ExecutionType").asText(null);
    if (mode.equals("INLINE")) {
      if (executionType != null) {
        fields.problem(
            "Field 'ExecutionType' is only supported in DISTRIBUTED mode", at + "/ExecutionType");
      }
      return null;
    }
    if (!mode.equals("DISTRIBUTED")) {
      fields.problem(
          "Mode must be INLINE or DISTRIBUTED, not '" + config.path("Mode").asText() + "'",
          at + "/Mode");
      return null;
    }
    if (executionType == null) {
      fields.problem(
          "A DISTRIBUTED Map needs ProcessorConfig's ExecutionType: STANDARD or EXPRESS",
          at + "/ExecutionType");
    } else if (!executionType.equals("STANDARD") && !executionType.equals("EXPRESS")) {
      fields.problem(
          "ExecutionType must be STANDARD or EXPRESS, not '" + executionType + "'",
          at + "/ExecutionType");
    }
    String label = fields.string("Label");
    if (label != null && !LABEL.matcher(label).matches()) {
      fields.problem(
          "Label must be 1 to 40 characters without whitespace or any of <>{}[]?*\"#%\\^|~`$&,;:/",
          fields.at("Label"));
    }
    return new MapRun(
        executionType,
        label,
        batcher(fields),
        present(fields.path("ToleratedFailureCountPath")),
        present(fields.path("ToleratedFailurePercentagePath")));
  }

  private static ItemBatcher batcher(Fields map) {
    JsonNode node = map.raw("ItemBatcher");
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      map.problem("Field 'ItemBatcher' must be a JSON object", map.at("ItemBatcher"));
      return null;
    }
    Fields fields = new Fields(node, map.at("ItemBatcher"), map.problems());
    fields.allowOnly(
        Set.of(
            "MaxItemsPerBatch",
            "MaxItemsPerBatchPath",
            "MaxInputBytesPerBatch",
            "MaxInputBytesPerBatchPath",
            "BatchInput"));
    both(fields, "MaxItemsPerBatch", "MaxItemsPerBatchPath");
    both(fields, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
    Long maxItems = fields.integer("MaxItemsPerBatch", 1, Integer.MAX_VALUE);
    Long maxBytes = fields.integer("MaxInputBytesPerBatch", 1, ItemBatcher.MAX_BYTES);
    ItemBatcher batcher =
        new ItemBatcher(
            maxItems,
            present(fields.path("MaxItemsPerBatchPath")),
            maxBytes,
            present(fields.path("MaxInputBytesPerBatchPath")),
            StateParser.template(fields, "BatchInput"));
    if (batcher.maxItems() == null
        && batcher.maxItemsPath() == null
        && batcher.maxBytes() == null
        && batcher.maxBytesPath() == null) {
      fields.problem(
          "ItemBatcher needs MaxItemsPerBatch or MaxInputBytesPerBatch (or their Path forms)",
          fields.location());
    }
    return batcher;
  }

  /** A problem for each of {@code names} that is present: "Field 'X' " and the reason. */
  private static void refuse(Fields fields, Set<String> names, String reason) {
    for (String field : names) {
      if (fields.has(field)) {
        fields.problem("Field '" + field + "' " + reason, fields.at(field));
      }
    }
  }

  private static void both(Fields fields, String one, String other) {
    if (fields.has(one) && fields.has(other)) {
      fields.problem(
          "A Map state cannot have both '" + one + "' and '" + other + "'", fields.location());
    }
  }

  private static String present(String path) {
    return Fields.ABSENT.equals(path) ? null : path;
  }
}
