package io.powertune.platform;

import java.nio.file.Path;

/** Thrown when another platform already serves the state directory. */
public class StateDirectoryInUseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateDirectoryInUseException(Path stateDir, String pid) {
    super(
        "another platform (process "
            + pid
            + ") serves "
            + stateDir
            + "; use it (its endpoint is in the directory's endpoint file) or give another state"
            + " directory");
  }
}
