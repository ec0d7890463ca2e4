package io.powertune.platform.resources;

import java.nio.file.Path;
import java.util.List;

/** cgroup v1: a group in the {@code cpu} hierarchy and one in the {@code memory} hierarchy. */
public final class CgroupV1Control implements ResourceControl {

  /** The largest cpu.shares the kernel takes (1024 is a process's). */
  static final long MAX_SHARES = 262_144;

  private final Path cpuBase;
  private final Path memoryBase;
  private final Path cpusetBase;
  private final Path pidsBase;
  private final String allCpus;
  private final int hostCores;

  /**
   * @param cpuRoot the mounted {@code cpu} hierarchy, e.g. /sys/fs/cgroup/cpu
   * @param memoryRoot the mounted {@code memory} hierarchy, e.g. /sys/fs/cgroup/memory
   */
  public CgroupV1Control(Path cpuRoot, Path memoryRoot, int hostCores) {
    this.cpuBase = cpuRoot.resolve("powertune");
    this.memoryBase = memoryRoot.resolve("powertune");
    this.hostCores = hostCores;
    CgroupFiles.createDirectory(cpuBase);
    CgroupFiles.createDirectory(memoryBase);
    // the functions' shares come first: the platform has the headroom admission control leaves
    CgroupFiles.writeIfPresent(cpuBase.resolve("cpu.shares"), Long.toString(MAX_SHARES));
    Path pidsRoot = cpuRoot.resolveSibling("pids");
    if (java.nio.file.Files.exists(pidsRoot.resolve("cgroup.procs"))) {
      pidsBase = pidsRoot.resolve("powertune");
      CgroupFiles.createDirectory(pidsBase);
    } else {
      pidsBase = null;
    }
    Path cpusetRoot = cpuRoot.resolveSibling("cpuset");
    if (java.nio.file.Files.exists(cpusetRoot.resolve("cpuset.cpus"))) {
      cpusetBase = cpusetRoot.resolve("powertune");
      allCpus = CgroupFiles.readText(cpusetRoot.resolve("cpuset.cpus"));
      CgroupFiles.createDirectory(cpusetBase);
      CgroupFiles.write(cpusetBase.resolve("cpuset.cpus"), allCpus);
      CgroupFiles.write(
          cpusetBase.resolve("cpuset.mems"),
          CgroupFiles.readText(cpusetRoot.resolve("cpuset.mems")));
    } else {
      cpusetBase = null;
      allCpus = null;
    }
  }

  @Override
  public ResourceGroup create(String id, int memoryMb) {
    Path cpu = cpuBase.resolve(id);
    Path memory = memoryBase.resolve(id);
    CgroupFiles.createDirectory(cpu);
    CgroupFiles.createDirectory(memory);
    long bytes = memoryMb * 1024L * 1024L;
    CgroupFiles.write(memory.resolve("memory.limit_in_bytes"), Long.toString(bytes));
    CgroupFiles.writeIfPresent(memory.resolve("memory.memsw.limit_in_bytes"), Long.toString(bytes));
    CgroupFiles.writeIfPresent(memory.resolve("memory.swappiness"), "0");
    CgroupFiles.write(cpu.resolve("cpu.cfs_quota_us"), "-1");
    Path cpuset = null;
    if (cpusetBase != null) {
      cpuset = cpusetBase.resolve(id);
      CgroupFiles.createDirectory(cpuset);
      CgroupFiles.write(cpuset.resolve("cpuset.cpus"), allCpus);
      CgroupFiles.write(
          cpuset.resolve("cpuset.mems"), CgroupFiles.readText(cpusetBase.resolve("cpuset.mems")));
    }
    Path pids = null;
    if (pidsBase != null) {
      pids = pidsBase.resolve(id);
      CgroupFiles.createDirectory(pids);
      CgroupFiles.write(pids.resolve("pids.max"), Integer.toString(CgroupV2Control.MAX_PROCESSES));
    }
    return new Group(cpu, memory, cpuset, pids, allCpus);
  }

  @Override
  public int removeStale(String prefix) {
    java.util.List<Path> bases = new java.util.ArrayList<>(java.util.List.of(memoryBase, cpuBase));
    if (cpusetBase != null) {
      bases.add(cpusetBase);
    }
    if (pidsBase != null) {
      bases.add(pidsBase);
    }
    return CgroupFiles.removeStale(prefix, bases);
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public String description() {
    return "cgroup v1 (" + cpuBase + ", " + memoryBase + ")";
  }

  @Override
  public int hostCores() {
    return hostCores;
  }

  /**
   * @param cpuset the cpuset group, or null without that controller
   * @param pids the pids group, or null without that controller
   */
  private record Group(Path cpu, Path memory, Path cpuset, Path pids, String allCpus)
      implements ResourceGroup {

    @Override
    public List<String> enterCommand() {
      return List.of(
          "/bin/sh",
          "-c",
          "echo $$ > '"
              + cpu.resolve("cgroup.procs")
              + "' && echo $$ > '"
              + memory.resolve("cgroup.procs")
              + (cpuset == null ? "" : "' && echo $$ > '" + cpuset.resolve("cgroup.procs"))
              + (pids == null ? "" : "' && echo $$ > '" + pids.resolve("cgroup.procs"))
              + "' && exec \"$@\"",
          "sh");
    }

    @Override
    public void limitCpu(CpuShare share) {
      CgroupFiles.write(cpu.resolve("cpu.cfs_period_us"), Long.toString(share.periodUs()));
      CgroupFiles.write(cpu.resolve("cpu.cfs_quota_us"), Long.toString(share.quotaUs()));
    }

    @Override
    public void pin(int cpuNumber) {
      if (cpuset != null) {
        CgroupFiles.write(
            cpuset.resolve("cpuset.cpus"), cpuNumber < 0 ? allCpus : Integer.toString(cpuNumber));
      }
    }

    @Override
    public long peakMemoryBytes() {
      return CgroupFiles.readLong(memory.resolve("memory.max_usage_in_bytes"));
    }

    @Override
    public CpuSampler cpuSampler() {
      return new CpuSampler(cpu.resolve("tasks"), cpu.resolve("cpu.stat"), "throttled_time", 1);
    }

    @Override
    public boolean outOfMemory() {
      return CgroupFiles.readKey(memory.resolve("memory.oom_control"), "oom_kill") > 0;
    }

    @Override
    public void killAll() {
      CgroupFiles.killListed(memory.resolve("cgroup.procs"));
    }

    @Override
    public void close() {
      CgroupFiles.remove(cpu);
      CgroupFiles.remove(memory);
      if (cpuset != null) {
        CgroupFiles.remove(cpuset);
      }
      if (pids != null) {
        CgroupFiles.remove(pids);
      }
    }
  }
}
