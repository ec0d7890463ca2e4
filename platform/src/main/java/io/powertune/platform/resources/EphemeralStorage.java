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
   */
  PrivateTmp prepare(Path envDir, int sizeMb);

  /** True when /tmp is private to each environment and its size is enforced. */
  boolean available();

  /** How /tmp is provided, for messages. */
  String description();
}
