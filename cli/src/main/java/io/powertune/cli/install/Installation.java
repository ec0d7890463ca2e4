package io.powertune.cli.install;

import java.util.Map;

/**
 * An installed tuner.
 *
 * @param stateMachineArn the state machine to start tunings with
 * @param aliasArns each workflow function's {@code live} alias ARN, by its ASL placeholder
 * @param changed true when the install created or updated anything
 */
public record Installation(String stateMachineArn, Map<String, String> aliasArns, boolean changed) {

  public Installation {
    aliasArns = Map.copyOf(aliasArns);
  }
}
