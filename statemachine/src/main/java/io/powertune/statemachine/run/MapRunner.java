package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.statemachine.ErrorNames;
import io.powertune.statemachine.StatesError;
import io.powertune.statemachine.path.Paths;
import io.powertune.statemachine.run.ContextObject.MapItem;
import io.powertune.statemachine.states.MapState;
import java.time.Instant;

/**
 * A Map state (inline): its processor once per item, at most MaxConcurrency at a time (0: up to
 * {@link #INLINE_LIMIT}); results in item order.
 */
final class MapRunner {

  /** At most this many iterations of an inline Map run at once, as on AWS. */
  static final int INLINE_CONCURRENCY = 40;

  /** Inline Map runs at most about 40 iterations at once on Step Functions. */
  static final int INLINE_LIMIT = 40;

  private MapRunner() {}

  static Step run(
      RunContext run, MapState s, JsonNode raw, Cursor cursor, MapItem item, Instant entered) {
    return ErrorHandling.run(
        run,
        s.retry(),
        s.katch(),
        false,
        raw,
        retryCount -> {
          JsonNode context = ContextObject.of(run.info(), s.name(), entered, retryCount, item);
          JsonNode input = DataFlows.input(s.flow().inputPath(), raw, context);
          JsonNode items = Paths.read(s.itemsPath(), input, context, ErrorNames.RUNTIME);
          if (!items.isArray()) {
            throw new StatesError(
                ErrorNames.RUNTIME,
                "Map state input must be an array, but the ItemsPath '"
                    + s.itemsPath()
                    + "' points to "
                    + items.getNodeType());
          }
          int limit = limit(s, input, context);
          ObjectNode started = Details.none().put("length", items.size());
          run.log()
              .append(
                  cursor, "MapStateStarted", Details.wrap("mapStateStartedEventDetails", started));
          JsonNode outputs;
          try {
            outputs =
                s.mapRun() == null
                    ? inline(run, s, input, items, limit, cursor, entered)
                    : MapRuns.run(run, s, input, items, context, limit, cursor, entered);
          } catch (StatesError e) {
            run.log().append(cursor, "MapStateFailed", Details.none());
            throw e;
          }
          long runEnded = cursor.previous();
          run.log().append(cursor, "MapStateSucceeded", Details.none());
          if (s.mapRun() != null) {
            cursor.moveTo(runEnded); // AWS links MapStateExited to MapRunSucceeded
          }
          return Step.to(
              DataFlows.output(s.flow(), raw, outputs, context, run.random()),
              s.transition().next());
        });
  }

  /** INLINE mode: each iteration recorded in the execution's history. */
  private static ArrayNode inline(
      RunContext run,
      MapState s,
      JsonNode input,
      JsonNode items,
      int limit,
      Cursor cursor,
      Instant entered) {
    boolean tolerant = s.toleratedFailureCount() != null || s.toleratedFailurePercentage() != null;
    Branches.Outcome outcome =
        Branches.run(
            run,
            s.name(),
            items.size(),
            Math.min(limit <= 0 ? items.size() : limit, INLINE_CONCURRENCY),
            !tolerant,
            i -> iteration(run, s, input, items.get(i), i, cursor.fork(), entered));
    ArrayNode outputs = JsonNodeFactory.instance.arrayNode();
    int failures = 0;
    StatesError first = outcome.firstFailure();
    if (first != null && first.error().equals(ErrorNames.DATA_LIMIT_EXCEEDED)) {
      throw first; // not a failure of an item: tolerance does not count it
    }
    for (Branches.Result result : outcome.results()) {
      if (result == null) {
        continue;
      }
      if (result.error() != null) {
        failures++;
        first = first == null ? result.error() : first;
        if (!tolerant) {
          continue;
        }
        outputs.add(result.error().asOutput());
      } else {
        outputs.add(result.output());
      }
    }
    if (first != null && !tolerated(s, failures, items.size())) {
      throw tolerant
          ? new StatesError(
              ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD,
              "The number of failed items exceeded the tolerated failure threshold")
          : first;
    }
    return outputs;
  }

  private static JsonNode iteration(
      RunContext run,
      MapState s,
      JsonNode input,
      JsonNode value,
      int index,
      Cursor cursor,
      Instant entered) {
    ObjectNode iterationDetails = Details.none().put("name", s.name()).put("index", index);
    run.log()
        .append(
            cursor,
            "MapIterationStarted",
            Details.wrap("mapIterationStartedEventDetails", iterationDetails));
    MapItem item = new MapItem(index, value);
    try {
      JsonNode context = ContextObject.of(run.info(), s.name(), entered, 0, item);
      JsonNode itemInput =
          s.itemSelector() == null ? value : s.itemSelector().apply(input, context, run.random());
      JsonNode output =
          GraphRunner.run(
              run, s.processor(), s.processor().startAt(), itemInput, cursor, item, false);
      run.log()
          .append(
              cursor,
              "MapIterationSucceeded",
              Details.wrap("mapIterationSucceededEventDetails", iterationDetails.deepCopy()));
      return output;
    } catch (StatesError e) {
      run.log()
          .append(
              cursor,
              "MapIterationFailed",
              Details.wrap("mapIterationFailedEventDetails", iterationDetails.deepCopy()));
      throw e;
    } catch (StoppedException e) {
      run.log()
          .append(
              cursor,
              "MapIterationAborted",
              Details.wrap("mapIterationAbortedEventDetails", iterationDetails.deepCopy()));
      throw e;
    }
  }

  private static int limit(MapState s, JsonNode input, JsonNode context) {
    int limit = s.maxConcurrency();
    if (s.maxConcurrencyPath() != null) {
      JsonNode value = Paths.read(s.maxConcurrencyPath(), input, context, ErrorNames.RUNTIME);
      if (!value.isIntegralNumber() || value.asLong() < 0) {
        throw new StatesError(
            ErrorNames.RUNTIME,
            "The MaxConcurrencyPath '" + s.maxConcurrencyPath() + "' must point to an integer");
      }
      limit = (int) Math.min(value.asLong(), Integer.MAX_VALUE);
    }
    return limit == 0 ? INLINE_LIMIT : Math.min(limit, INLINE_LIMIT);
  }

  /** Within every tolerance that is set: exceeding either the count or the percentage fails. */
  private static boolean tolerated(MapState s, int failures, int total) {
    if (s.toleratedFailureCount() == null && s.toleratedFailurePercentage() == null) {
      return failures == 0;
    }
    boolean withinCount =
        s.toleratedFailureCount() == null || failures <= s.toleratedFailureCount();
    boolean withinPercentage =
        s.toleratedFailurePercentage() == null
            || total > 0 && 100.0 * failures / total <= s.toleratedFailurePercentage();
    return withinCount && withinPercentage;
  }
}
