package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.platform.resources.ResourceControls;
import io.powertune.platform.resources.ResourceGroup;
import io.powertune.platform.runtime.EnvironmentPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the environments of a platform that was killed leave behind (a cgroup with a process still
 * in it, a temporary folder) is removed when a platform starts on the same state directory; other
 * state directories' groups are left alone.
 */
class CrashLeftoversIT {

  private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

  @TempDir Path stateDir;
  @TempDir Path otherStateDir;

  @Test
  void start_removesTheLeftoversOfItsStateDirectory_only() throws Exception {
    HostSupport.assumeWritableCgroups("CrashLeftoversIT");
    var resources = ResourceControls.detect(CGROUPS, 2);
    ResourceGroup left = resources.create(EnvironmentPool.scopeOf(stateDir) + "-left", 128);
    ResourceGroup others = resources.create(EnvironmentPool.scopeOf(otherStateDir) + "-kept", 128);
    Process orphan = inGroup(left);
    Process othersProcess = inGroup(others);
    Path leftTmp = Files.createDirectories(stateDir.resolve("tmp/left-behind"));
    Files.writeString(leftTmp.resolve("file"), "x");
    try {
      try (PlatformFixture fixture = new PlatformFixture(stateDir)) {
        assertThat(orphan.waitFor(30, TimeUnit.SECONDS)).as("the orphan was killed").isTrue();
        assertThat(leftTmp).doesNotExist();
        assertThat(othersProcess.isAlive()).as("another state directory's process").isTrue();
        assertThat(fixture.platform().environmentCount()).isZero();
      }
    } finally {
      othersProcess.destroyForcibly();
      othersProcess.waitFor(30, TimeUnit.SECONDS);
      others.close();
      left.close();
    }
  }

  private static Process inGroup(ResourceGroup group) throws java.io.IOException {
    List<String> command = new ArrayList<>(group.enterCommand());
    command.addAll(List.of("sleep", "600"));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
