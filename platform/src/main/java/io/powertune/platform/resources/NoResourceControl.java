package io.powertune.platform.resources;

import java.util.List;

/** Where cgroups cannot be written: environments run without limits, and results say so. */
public final class NoResourceControl implements ResourceControl {

  private static final ResourceGroup NONE =
      new ResourceGroup() {
        @Override
        public List<String> enterCommand() {
          return List.of();
        }

        @Override
        public void limitCpu(CpuShare share) {}

        @Override
        public void pin(int cpu) {}

        @Override
        public long peakMemoryBytes() {
          return 0;
        }

        @Override
        public boolean outOfMemory() {
          return false;
        }

        @Override
        public void killAll() {}

        @Override
        public void close() {}
      };

  private final String reason;
  private final int hostCores;

  public NoResourceControl(String reason, int hostCores) {
    this.reason = reason;
    this.hostCores = hostCores;
  }

  @Override
  public ResourceGroup create(String id, int memoryMb) {
    return NONE;
  }

  @Override
  public boolean available() {
    return false;
  }

  @Override
  public String description() {
    return "unavailable: " + reason;
  }

  @Override
  public int hostCores() {
    return hostCores;
  }
}
