package io.powertune.platform;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.powertune.platform.resources.ResourceControls;
import java.nio.file.Path;

/** What a suite needs of this host, skipped with the reason printed where it is missing. */
final class HostSupport {

  private HostSupport() {}

  /** Skips the calling suite (and says so) when this host's cgroups cannot be written. */
  static void assumeWritableCgroups(String suite) {
    boolean writable = ResourceControls.detect(Path.of("/sys/fs/cgroup"), 2).available();
    if (!writable) {
      System.out.println(suite + " skipped: cgroups are not writable on this host");
    }
    assumeTrue(writable, "cgroups are not writable on this host");
  }
}
