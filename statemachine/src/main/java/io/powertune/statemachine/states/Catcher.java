package io.powertune.statemachine.states;

import io.powertune.statemachine.path.ReferencePath;
import java.util.List;

/**
 * One Catch rule.
 *
 * @param resultPath where {@code {"Error", "Cause"}} goes in the state's input; null discards it
 */
public record Catcher(List<String> errorEquals, String next, ReferencePath resultPath) {

  public Catcher {
    errorEquals = List.copyOf(errorEquals);
  }
}
