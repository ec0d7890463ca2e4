package io.powertune.statemachine.states;

/**
 * Ends the execution with an error: fixed, or read from the input by path. Any field may be null.
 */
public record FailState(String name, String error, String cause, String errorPath, String causePath)
    implements State {}
