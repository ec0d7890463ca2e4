package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Told each time a top-level state is entered, with the input it starts from: where a stopped
 * platform resumes the execution.
 */
@FunctionalInterface
public interface Checkpoints {

  Checkpoints NONE = (state, input, eventId) -> {};

  void entered(String state, JsonNode input, long eventId);
}
