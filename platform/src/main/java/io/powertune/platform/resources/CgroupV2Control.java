package io.powertune.platform.resources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** cgroup v2: one group per environment in the unified hierarchy, with cpu and memory enabled. */
public final class CgroupV2Control implements ResourceControl {

  /** Lambda's limit on an environment's processes and threads. */
  static final int MAX_PROCESSES = 1024;

  /** The largest cpu.weight the kernel takes (100 is the default). */
  static final long MAX_WEIGHT = 10_000;

  private final Path base;
  private final int hostCores;

  /**
   * @param root the unified hierarchy, e.g. /sys/fs/cgroup
   */
  public CgroupV2Control(Path root, int hostCores) {
    this.base = root.resolve("powertune");
    this.hostCores = hostCores;
    CgroupFiles.writeIfPresent(root.resolve("cgroup.subtree_control"), "+cpu +memory");
    boolean pids = enable(root, "pids");
    CgroupFiles.createDirectory(base);
    CgroupFiles.write(
        base.resolve("cgroup.subtree_control"),
        "+cpu +memory" + (enable(root, "cpuset") ? " +cpuset" : "") + (pids ? " +pids" : ""));
    // the functions' shares come first: the platform has the headroom admission control leaves
    CgroupFiles.writeIfPresent(base.resolve("cpu.weight"), Long.toString(MAX_WEIGHT));
  }

  /**
   * Enables a controller below the root when the kernel offers it: cpuset, so that environments can
   * be pinned (without it they run on any CPU); pids, for Lambda's process limit.
   */
  private static boolean enable(Path root, String controller) {
    Path controllers = root.resolve("cgroup.controllers");
    if (!Files.exists(controllers)
        || !List.of(CgroupFiles.readText(controllers).split("\\s+")).contains(controller)) {
      return false;
    }
    try {
      CgroupFiles.writeIfPresent(root.resolve("cgroup.subtree_control"), "+" + controller);
      return true;
    } catch (java.io.UncheckedIOException e) {
      return false;
    }
  }

  @Override
  public ResourceGroup create(String id, int memoryMb) {
    Path group = base.resolve(id);
    CgroupFiles.createDirectory(group);
    long bytes = memoryMb * 1024L * 1024L;
    CgroupFiles.write(group.resolve("memory.max"), Long.toString(bytes));
    CgroupFiles.writeIfPresent(group.resolve("memory.swap.max"), "0");
    CgroupFiles.write(group.resolve("cpu.max"), "max 100000");
    CgroupFiles.writeIfPresent(group.resolve("pids.max"), Integer.toString(MAX_PROCESSES));
    return new Group(group);
  }

  @Override
  public int removeStale(String prefix) {
    return CgroupFiles.removeStale(prefix, List.of(base));
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public String description() {
    return "cgroup v2 (" + base + ")";
  }

  @Override
  public int hostCores() {
    return hostCores;
  }

  private record Group(Path dir) implements ResourceGroup {

    @Override
    public List<String> enterCommand() {
      return List.of(
          "/bin/sh", "-c", "echo $$ > '" + dir.resolve("cgroup.procs") + "' && exec \"$@\"", "sh");
    }

    @Override
    public void limitCpu(CpuShare share) {
      CgroupFiles.write(
          dir.resolve("cpu.max"),
          (share.quotaUs() == CpuShare.NO_QUOTA ? "max" : Long.toString(share.quotaUs()))
              + " "
              + share.periodUs());
    }

    @Override
    public void pin(int cpu) {
      CgroupFiles.writeIfPresent(dir.resolve("cpuset.cpus"), cpu < 0 ? "" : Integer.toString(cpu));
    }

    @Override
    public long peakMemoryBytes() {
      Path peak = dir.resolve("memory.peak");
      return Files.exists(peak)
          ? CgroupFiles.readLong(peak)
          : CgroupFiles.readLong(dir.resolve("memory.current"));
    }

    @Override
    public CpuSampler cpuSampler() {
      return new CpuSampler(
          dir.resolve("cgroup.threads"), dir.resolve("cpu.stat"), "throttled_usec", 1000);
    }

    @Override
    public boolean outOfMemory() {
      return CgroupFiles.readKey(dir.resolve("memory.events"), "oom_kill") > 0;
    }

    @Override
    public void killAll() {
      Path kill = dir.resolve("cgroup.kill");
      if (Files.exists(kill)) {
        CgroupFiles.write(kill, "1");
      } else {
        CgroupFiles.killListed(dir.resolve("cgroup.procs"));
      }
    }

    @Override
    public void close() {
      CgroupFiles.remove(dir);
    }
  }
}
