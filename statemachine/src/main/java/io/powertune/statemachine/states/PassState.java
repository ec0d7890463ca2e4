package io.powertune.statemachine.states;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Passes its input on, or {@code result} when set.
 *
 * @param result the Result field, or null
 */
public record PassState(String name, DataFlow flow, JsonNode result, Transition transition)
    implements State {}
