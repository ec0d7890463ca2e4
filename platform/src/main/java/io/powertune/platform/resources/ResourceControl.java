package io.powertune.platform.resources;

/** Makes a resource group per execution environment, or none where cgroups are not writable. */
public interface ResourceControl {

  /**
   * A new group with the memory limit set.
   *
   * @param id a name unique among live environments
   */
  ResourceGroup create(String id, int memoryMb);

  /**
   * Kills the processes of the groups whose names start with {@code prefix} and removes the groups:
   * what the environments of a platform that did not stop cleanly left behind.
   *
   * @return how many groups were removed
   */
  default int removeStale(String prefix) {
    return 0;
  }

  /** True when CPU and memory limits are really applied. */
  boolean available();

  /** Which mechanism is used, for messages: {@code cgroup v1}, {@code cgroup v2} or why none. */
  String description();

  /** The number of cores CPU shares are capped at. */
  int hostCores();
}
