package io.powertune.platform.resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where no file system can be mounted per environment: each environment's TMPDIR is a directory of
 * its own, but a function that writes to /tmp by name writes to the host's, and no size is
 * enforced.
 */
public final class SharedTmpStorage implements EphemeralStorage {

  private final String reason;

  public SharedTmpStorage(String reason) {
    this.reason = reason;
  }

  @Override
  public PrivateTmp prepare(Path envDir, int sizeMb, Isolation isolation) {
    if (isolation != null) {
      throw new IllegalStateException("an environment of its own user needs a private /tmp");
    }
    try {
      Files.createDirectories(envDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + envDir, e);
    }
    return new PrivateTmp(List.of(), envDir, null);
  }

  @Override
  public boolean available() {
    return false;
  }

  @Override
  public String description() {
    return "unavailable: " + reason;
  }
}
