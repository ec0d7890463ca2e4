package io.powertune.platform.resources;

import java.nio.file.Path;

/**
 * Gives each execution environment its /tmp: private, and of its function's size where possible.
 */
public interface EphemeralStorage {

  /**
   * Makes the /tmp of a new environment whose own files live in {@code envDir}.
   *
   * @param sizeMb the function's EphemeralStorage size, 512 to 10240
   * @param isolation what the environment sees when it runs as a user of its own; null when it runs
   *     as the platform's user
   */
  PrivateTmp prepare(Path envDir, int sizeMb, Isolation isolation);

  /** True when an environment can run as a user of its own (it has a mount namespace). */
  default boolean isolates() {
    return false;
  }

  /** True when /tmp is private to each environment and its size is enforced. */
  boolean available();

  /** How /tmp is provided, for messages. */
  String description();
}
