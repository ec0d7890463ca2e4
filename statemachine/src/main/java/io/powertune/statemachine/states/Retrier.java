package io.powertune.statemachine.states;

import java.util.List;

/**
 * One Retry rule.
 *
 * @param maxDelaySeconds the cap on one wait, or null for none
 * @param fullJitter JitterStrategy FULL: each wait is drawn uniformly from [0, wait]
 */
public record Retrier(
    List<String> errorEquals,
    double intervalSeconds,
    int maxAttempts,
    double backoffRate,
    Integer maxDelaySeconds,
    boolean fullJitter) {

  public Retrier {
    errorEquals = List.copyOf(errorEquals);
  }
}
