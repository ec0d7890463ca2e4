package io.powertune.platform;

import java.nio.file.Path;

/** Thrown when the state directory could be changed by someone other than the platform's user. */
public class UnsafeStateDirectoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsafeStateDirectoryException(Path stateDir, String problem, String fix) {
    super(stateDir + " " + problem + "; " + fix);
  }
}
