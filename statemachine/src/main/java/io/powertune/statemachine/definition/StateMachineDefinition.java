package io.powertune.statemachine.definition;

import io.powertune.statemachine.states.Graph;

/**
 * A parsed and validated state machine.
 *
 * @param timeoutSeconds TimeoutSeconds of the whole execution, or null for none
 */
public record StateMachineDefinition(Graph graph, Integer timeoutSeconds, String comment) {}
