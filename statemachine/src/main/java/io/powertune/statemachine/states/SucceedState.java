package io.powertune.statemachine.states;

/** Ends its graph successfully. */
public record SucceedState(String name, String inputPath, String outputPath) implements State {}
