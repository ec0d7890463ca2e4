package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.statemachine.ErrorNames;
import io.powertune.statemachine.StatesError;
import io.powertune.statemachine.path.Paths;
import io.powertune.statemachine.run.ContextObject.MapItem;
import io.powertune.statemachine.states.ItemBatcher;
import io.powertune.statemachine.states.MapRun;
import io.powertune.statemachine.states.MapState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Map state in DISTRIBUTED mode over the items of its input: a map run whose children (one per
 * item, or per batch with an ItemBatcher) run with histories of their own, so the parent's history
 * shows only MapRunStarted and MapRunSucceeded or MapRunFailed. Children failing beyond the
 * tolerance (none by default) fail the run with {@code States.ExceedToleratedFailureThreshold}.
 */
final class MapRuns {

  private MapRuns() {}

  /** One child workflow's input and the number of items it carries. */
  private record Child(JsonNode input, int items) {}

  /** The children's outputs in item order; failed children within the tolerance as their errors. */
  static ArrayNode run(
      RunContext run,
      MapState s,
      JsonNode input,
      JsonNode items,
      JsonNode context,
      int limit,
      Cursor cursor,
      Instant entered) {
    MapRun config = s.mapRun();
    Integer toleratedCount = toleratedCount(s, input, context);
    Double toleratedPercentage = toleratedPercentage(s, input, context);
    List<Child> children = children(run, s, input, items, context, entered);
    String arn = arn(run, config);
    run.log()
        .append(
            cursor,
            "MapRunStarted",
            Details.wrap("mapRunStartedEventDetails", Details.none().put("mapRunArn", arn)));
    boolean tolerant = toleratedCount != null || toleratedPercentage != null;
    Branches.Outcome outcome =
        Branches.run(
            run,
            s.name(),
            children.size(),
            limit,
            !tolerant,
            i -> child(run, s, children.get(i).input(), i));
    StatesError first = outcome.firstFailure();
    if (first != null && first.error().equals(ErrorNames.DATA_LIMIT_EXCEEDED)) {
      throw failed(run, cursor, first);
    }
    ArrayNode outputs = JsonNodeFactory.instance.arrayNode();
    int failedItems = 0;
    for (int i = 0; i < outcome.results().size(); i++) {
      Branches.Result result = outcome.results().get(i);
      if (result == null) {
        continue;
      }
      if (result.error() == null) {
        outputs.add(result.output());
      } else {
        failedItems += children.get(i).items();
        outputs.add(result.error().asOutput());
      }
    }
    if (failedItems > 0 || first != null) {
      boolean overCount = toleratedCount != null && failedItems > toleratedCount;
      boolean overPercentage =
          toleratedPercentage != null
              && items.size() > 0
              && 100.0 * failedItems / items.size() > toleratedPercentage;
      // either threshold exceeded fails the run; without any, one failed child does
      if (!tolerant || overCount || overPercentage) {
        throw failed(
            run,
            cursor,
            new StatesError(
                ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                "The number of failed items exceeded the tolerated failure threshold"));
      }
    }
    run.log().append(cursor, "MapRunSucceeded", Details.none());
    return outputs;
  }

  private static StatesError failed(RunContext run, Cursor cursor, StatesError error) {
    ObjectNode details = Details.none().put("error", error.error()).put("cause", error.cause());
    run.log().append(cursor, "MapRunFailed", Details.wrap("mapRunFailedEventDetails", details));
    return error;
  }

  /** A child workflow: the processor with a history of its own, not recorded in the parent's. */
  private static JsonNode child(RunContext run, MapState s, JsonNode input, int index) {
    AtomicBoolean full = new AtomicBoolean();
    EventLog own = new EventLog(event -> {}, run.clock(), 0, () -> full.set(true));
    RunContext childRun =
        new RunContext(
            run.info(),
            own,
            run.port(),
            run.sleeper(),
            run.clock(),
            run.random(),
            run.workers(),
            run.branchThreads(),
            Checkpoints.NONE,
            run.execution());
    try {
      return GraphRunner.run(
          childRun,
          s.processor(),
          s.processor().startAt(),
          input,
          new Cursor(0),
          new MapItem(index, input),
          false);
    } catch (StoppedException e) {
      if (full.get()) {
        throw new StatesError(
            ErrorNames.RUNTIME,
            "The child workflow's history reached "
                + EventLog.MAX_EVENTS
                + " events, the most an execution holds");
      }
      throw e;
    }
  }

  /** Each item through ItemSelector, then one child per item or per batch. */
  private static List<Child> children(
      RunContext run,
      MapState s,
      JsonNode input,
      JsonNode items,
      JsonNode context,
      Instant entered) {
    List<JsonNode> selected = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      MapItem item = new MapItem(i, items.get(i));
      JsonNode itemContext = ContextObject.of(run.info(), s.name(), entered, 0, item);
      selected.add(
          s.itemSelector() == null
              ? items.get(i)
              : s.itemSelector().apply(input, itemContext, run.random()));
    }
    ItemBatcher batcher = s.mapRun().batcher();
    List<Child> children = new ArrayList<>();
    if (batcher == null) {
      selected.forEach(value -> children.add(new Child(value, 1)));
      return children;
    }
    long maxItems =
        limit(batcher.maxItems(), batcher.maxItemsPath(), "MaxItemsPerBatchPath", input, context);
    long maxBytes =
        Math.min(
            limit(
                batcher.maxBytes(),
                batcher.maxBytesPath(),
                "MaxInputBytesPerBatchPath",
                input,
                context),
            ItemBatcher.MAX_BYTES);
    JsonNode batchInput =
        batcher.batchInput() == null
            ? null
            : batcher.batchInput().apply(input, context, run.random());
    ArrayNode batch = null;
    long bytes = 0;
    for (JsonNode value : selected) {
      long size = value.toString().getBytes(StandardCharsets.UTF_8).length + 1;
      if (batch == null || batch.size() >= maxItems || bytes + size > maxBytes) {
        if (batch != null) {
          children.add(batchChild(batchInput, batch));
        }
        batch = JsonNodeFactory.instance.arrayNode();
        bytes = 0;
      }
      batch.add(value);
      bytes += size;
    }
    if (batch != null) {
      children.add(batchChild(batchInput, batch));
    }
    return children;
  }

  private static Child batchChild(JsonNode batchInput, ArrayNode batch) {
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    if (batchInput != null) {
      input.set("BatchInput", batchInput);
    }
    input.set("Items", batch);
    return new Child(input, batch.size());
  }

  /** A batch limit, from its field or its path; no limit when neither is set. */
  private static long limit(
      Long value, String path, String field, JsonNode input, JsonNode context) {
    if (value != null) {
      return value;
    }
    if (path == null) {
      return Long.MAX_VALUE;
    }
    JsonNode read = Paths.read(path, input, context, ErrorNames.RUNTIME);
    if (!read.isIntegralNumber() || read.asLong() < 1) {
      throw new StatesError(
          ErrorNames.RUNTIME,
          "The "
              + field
              + " field refers to value "
              + read
              + " which is not a positive integer: "
              + path);
    }
    return read.asLong();
  }

  private static Integer toleratedCount(MapState s, JsonNode input, JsonNode context) {
    String path = s.mapRun().toleratedFailureCountPath();
    if (path == null) {
      return s.toleratedFailureCount();
    }
    JsonNode value = Paths.read(path, input, context, ErrorNames.RUNTIME);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new StatesError(
          ErrorNames.RUNTIME,
          "The ToleratedFailureCountPath field refers to value "
              + value
              + " which is not a valid integer: "
              + path);
    }
    if (value.asInt() < 0) {
      throw new StatesError(ErrorNames.RUNTIME, "ToleratedFailureCount cannot be negative.");
    }
    return value.asInt();
  }

  private static Double toleratedPercentage(MapState s, JsonNode input, JsonNode context) {
    String path = s.mapRun().toleratedFailurePercentagePath();
    if (path == null) {
      return s.toleratedFailurePercentage();
    }
    JsonNode value = Paths.read(path, input, context, ErrorNames.RUNTIME);
    if (!value.isNumber()) {
      throw new StatesError(
          ErrorNames.RUNTIME,
          "The ToleratedFailurePercentagePath field refers to value "
              + value
              + " which is not a valid float: "
              + path);
    }
    if (value.asDouble() < 0 || value.asDouble() > 100) {
      throw new StatesError(
          ErrorNames.RUNTIME, "ToleratedFailurePercentage must be between 0 and 100.");
    }
    return value.asDouble();
  }

  /**
   * The map run's ARN, as AWS forms it: {@code
   * arn:aws:states:REGION:ACCOUNT:mapRun:MACHINE/LABEL:ID}, with a generated name where the state
   * has no Label.
   */
  private static String arn(RunContext run, MapRun config) {
    String machineArn = run.info().stateMachineArn();
    String prefix = machineArn.replace(":stateMachine:", ":mapRun:");
    String label = config.label() != null ? config.label() : id(run).substring(0, 8);
    return prefix + "/" + label + ":" + id(run);
  }

  private static String id(RunContext run) {
    return new UUID(run.random().nextLong(), run.random().nextLong()).toString();
  }
}
