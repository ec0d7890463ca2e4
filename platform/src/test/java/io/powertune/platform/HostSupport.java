package io.powertune.platform;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.powertune.platform.resources.ResourceControls;
import java.nio.file.Path;

/** What a suite needs of this host, skipped with the reason printed where it is missing. */
final class HostSupport {

  private HostSupport() {}

  /** True when the host's {@code python3} can import {@code module}. */
  static boolean pythonHas(String module) {
    try {
      Process process =
          new ProcessBuilder("python3", "-c", "import " + module)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return process.waitFor() == 0;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Skips the calling suite (and says so) when this host's cgroups cannot be written. */
  static void assumeWritableCgroups(String suite) {
    boolean writable = ResourceControls.detect(Path.of("/sys/fs/cgroup"), 2).available();
    if (!writable) {
      System.out.println(suite + " skipped: cgroups are not writable on this host");
    }
    assumeTrue(writable, "cgroups are not writable on this host");
  }
}
