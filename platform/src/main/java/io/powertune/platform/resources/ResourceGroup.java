package io.powertune.platform.resources;

/** The cgroup of one execution environment: its memory limit, CPU share and measurements. */
public interface ResourceGroup extends AutoCloseable {

  /**
   * The command prefix that puts the process into this group before it runs the runtime: {@code sh
   * -c 'echo $$ > .../cgroup.procs && exec "$@"' sh}, so no instruction of the runtime runs
   * outside.
   */
  java.util.List<String> enterCommand();

  /** Applies the CPU share (the init phase runs without one, as Lambda's init gets burst CPU). */
  void limitCpu(CpuShare share);

  /**
   * Pins the group's processes to one CPU, or with -1 lets them run on any (where the cpuset
   * controller is missing this does nothing).
   */
  void pin(int cpu);

  /** The group's peak memory use so far, in bytes. */
  long peakMemoryBytes();

  /**
   * A sampler of the scheduler's counters of the group's threads, for {@link CpuWait} (the caller
   * closes it); null where the platform has no group to read them from.
   */
  default CpuSampler cpuSampler() {
    return null;
  }

  /** True once the kernel killed a process of the group for exceeding the memory limit. */
  boolean outOfMemory();

  /**
   * Kills every process in the group, those that left the process tree (double-forked daemons) too;
   * where there is no group, nothing.
   */
  void killAll();

  /** Removes the group (its processes must have ended). */
  @Override
  void close();
}
