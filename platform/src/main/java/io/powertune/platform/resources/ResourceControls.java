package io.powertune.platform.resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds how this host can limit environments: cgroup v2, cgroup v1, or not at all. */
public final class ResourceControls {

  private static final Logger LOG = LoggerFactory.getLogger(ResourceControls.class);

  private ResourceControls() {}

  /**
   * Detects the cgroup version under {@code root} (normally /sys/fs/cgroup) and checks that groups
   * can be made there. When they cannot, the platform still runs and says once why.
   */
  public static ResourceControl detect(Path root, int hostCores) {
    try {
      if (Files.exists(root.resolve("cgroup.controllers"))) {
        String controllers = Files.readString(root.resolve("cgroup.controllers"));
        if (controllers.contains("cpu") && controllers.contains("memory")) {
          return new CgroupV2Control(root, hostCores);
        }
        return unavailable("cgroup v2 without the cpu and memory controllers", hostCores);
      }
      Path cpu = root.resolve("cpu");
      Path memory = root.resolve("memory");
      if (Files.exists(cpu.resolve("cpu.cfs_quota_us"))
          && Files.exists(memory.resolve("memory.limit_in_bytes"))) {
        return new CgroupV1Control(cpu, memory, hostCores);
      }
      return unavailable("no cgroup cpu and memory controllers under " + root, hostCores);
    } catch (IOException | UncheckedIOException e) {
      return unavailable(
          "cgroups under " + root + " are not writable (" + e.getMessage() + ")", hostCores);
    }
  }

  private static ResourceControl unavailable(String reason, int hostCores) {
    LOG.warn(
        "CPU and memory limits are unavailable ({}): functions run unlimited, so durations do not"
            + " follow memory size and results are marked cpuScaling: unavailable",
        reason);
    return new NoResourceControl(reason, hostCores);
  }
}
