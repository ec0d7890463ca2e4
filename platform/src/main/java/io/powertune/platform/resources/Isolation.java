package io.powertune.platform.resources;

import java.nio.file.Path;

/**
 * What an environment that runs as a user of its own sees besides its /tmp: its code read-only at
 * {@link #TASK_ROOT} and the runtimes read-only at {@link #RUNTIME_DIR}, as on Lambda. Nothing else
 * of the platform's state directory is reachable from it.
 *
 * @param uid the environment's user (and group)
 * @param codeDir the function version's unpacked code
 * @param runtimesDir the platform's runtime bootstraps
 * @param languageHome the runtime's interpreter installation to mount at {@link #LANGUAGE_HOME}, or
 *     null when the user reaches the one on the platform's PATH
 */
public record Isolation(int uid, Path codeDir, Path runtimesDir, Path languageHome) {

  /** Where the code is, as on Lambda. */
  public static final Path TASK_ROOT = Path.of("/var/task");

  /** Where the runtime is, as on Lambda. */
  public static final Path RUNTIME_DIR = Path.of("/var/runtime");

  /** Where the runtime's language is, as on Lambda. */
  public static final Path LANGUAGE_HOME = Path.of("/var/lang");
}
