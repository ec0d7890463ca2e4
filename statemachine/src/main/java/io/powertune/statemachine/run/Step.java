package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a state did: its output and the state to go to (null: the end of the graph).
 *
 * @param exited false for states that have no Exited event (Fail)
 */
record Step(JsonNode output, String next, boolean exited) {

  static Step to(JsonNode output, String next) {
    return new Step(output, next, true);
  }
}
