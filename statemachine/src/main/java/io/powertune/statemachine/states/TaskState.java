package io.powertune.statemachine.states;

import java.util.List;

/**
 * Calls a resource (a Lambda function ARN or {@code arn:aws:states:::lambda:invoke}).
 *
 * @param timeoutSeconds null for no timeout (AWS applies none)
 * @param timeoutSecondsPath a path to the timeout in the input, or null
 * @param heartbeatSeconds null for none
 */
public record TaskState(
    String name,
    DataFlow flow,
    String resource,
    Integer timeoutSeconds,
    String timeoutSecondsPath,
    Integer heartbeatSeconds,
    List<Retrier> retry,
    List<Catcher> katch,
    Transition transition)
    implements State {

  public TaskState {
    retry = List.copyOf(retry);
    katch = List.copyOf(katch);
  }
}
