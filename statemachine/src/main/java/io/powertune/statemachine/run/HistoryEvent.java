package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One event of an execution's history, as GetExecutionHistory returns it.
 *
 * @param details the event's details object under its wire name (e.g. {@code
 *     stateEnteredEventDetails}), or an empty object for events without details
 */
public record HistoryEvent(
    long id, long previousEventId, Instant timestamp, String type, ObjectNode details) {}
