package io.powertune.platform.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cgroup v1 and v2 file layouts, in temporary directories laid out like each. */
class CgroupLayoutTest {

  @TempDir Path root;

  private static String read(Path file) throws Exception {
    return Files.readString(file).strip();
  }

  @Test
  void v1_writesMemoryAndCpuControls_andReadsPeakAndOom() throws Exception {
    Path cpu = Files.createDirectories(root.resolve("cpu"));
    Path memory = Files.createDirectories(root.resolve("memory"));
    Files.writeString(cpu.resolve("cpu.cfs_quota_us"), "-1");
    Files.writeString(memory.resolve("memory.limit_in_bytes"), "9223372036854771712");
    Files.createDirectories(cpu.resolve("powertune"));
    Files.writeString(cpu.resolve("powertune/cpu.shares"), "1024");

    ResourceControl control = ResourceControls.detect(root, 2);
    ResourceGroup group = control.create("env1", 128);
    group.limitCpu(CpuShare.forMemory(128, 2));
    Path cpuGroup = cpu.resolve("powertune/env1");
    Path memoryGroup = memory.resolve("powertune/env1");
    Files.writeString(memoryGroup.resolve("memory.max_usage_in_bytes"), "73400320");
    Files.writeString(
        memoryGroup.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 1\n");

    assertThat(control).isInstanceOf(CgroupV1Control.class);
    assertThat(read(memoryGroup.resolve("memory.limit_in_bytes"))).isEqualTo("134217728");
    assertThat(read(cpuGroup.resolve("cpu.cfs_period_us"))).isEqualTo("13821");
    assertThat(read(cpuGroup.resolve("cpu.cfs_quota_us"))).isEqualTo("1000");
    assertThat(read(cpu.resolve("powertune/cpu.shares"))).isEqualTo("262144");
    assertThat(group.peakMemoryBytes()).isEqualTo(73_400_320L);
    assertThat(group.outOfMemory()).isTrue();
    assertThat(String.join(" ", group.enterCommand()))
        .contains(cpuGroup.resolve("cgroup.procs").toString())
        .contains(memoryGroup.resolve("cgroup.procs").toString())
        .endsWith("exec \"$@\" sh");
    group.close();
    assertThat(cpuGroup).doesNotExist();
    assertThat(memoryGroup).doesNotExist();
  }

  @Test
  void v2_writesCpuMaxAndMemoryMax_andReadsPeakAndEvents() throws Exception {
    Files.writeString(root.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");
    Files.writeString(root.resolve("cgroup.subtree_control"), "");
    Files.createDirectories(root.resolve("powertune"));
    Files.writeString(root.resolve("powertune/cpu.weight"), "100");

    ResourceControl control = ResourceControls.detect(root, 2);
    ResourceGroup group = control.create("env2", 512);
    Path dir = root.resolve("powertune/env2");
    String duringInit = read(dir.resolve("cpu.max"));
    group.limitCpu(CpuShare.forMemory(512, 2));
    Files.writeString(dir.resolve("memory.peak"), "209715200\n");
    Files.writeString(dir.resolve("memory.events"), "low 0\nhigh 0\nmax 3\noom 1\noom_kill 0\n");

    assertThat(control).isInstanceOf(CgroupV2Control.class);
    assertThat(read(root.resolve("powertune/cgroup.subtree_control")))
        .isEqualTo("+cpu +memory +cpuset +pids");
    assertThat(read(root.resolve("powertune/cpu.weight"))).isEqualTo("10000");
    assertThat(read(dir.resolve("memory.max"))).isEqualTo("536870912");
    assertThat(duringInit).isEqualTo("max 100000");
    assertThat(read(dir.resolve("cpu.max"))).isEqualTo("1447 5000");
    ResourceGroup wholeHost = control.create("env5", 4000);
    wholeHost.limitCpu(CpuShare.forMemory(4000, 2));
    assertThat(read(root.resolve("powertune/env5/cpu.max"))).isEqualTo("max 5000");
    assertThat(group.peakMemoryBytes()).isEqualTo(209_715_200L);
    assertThat(group.outOfMemory()).isFalse();
  }

  @Test
  void noControllers_isUnavailable_andSaysWhy() {
    ResourceControl control = ResourceControls.detect(root.resolve("absent"), 2);

    assertThat(control.available()).isFalse();
    assertThat(control.description())
        .startsWith("unavailable: no cgroup cpu and memory controllers");
    assertThat(control.create("env3", 128).enterCommand()).isEmpty();
    assertThat(control.create("env3", 128).peakMemoryBytes()).isZero();
  }

  @Test
  void v2WithoutCpuset_enablesCpuMemoryAndPids() throws Exception {
    Files.writeString(root.resolve("cgroup.controllers"), "cpu io memory pids\n");
    Files.writeString(root.resolve("cgroup.subtree_control"), "");

    ResourceControls.detect(root, 2).create("env4", 256).pin(1);

    assertThat(read(root.resolve("powertune/cgroup.subtree_control")))
        .isEqualTo("+cpu +memory +pids");
    assertThat(root.resolve("powertune/env4/cpuset.cpus")).doesNotExist();
  }

  @Test
  void v2WithoutTheMemoryController_isUnavailable() throws Exception {
    Files.writeString(root.resolve("cgroup.controllers"), "cpuset io pids\n");

    assertThat(ResourceControls.detect(root, 2).available()).isFalse();
  }

  @Test
  void unwritableHierarchy_isUnavailable() throws Exception {
    Path cpu = Files.createDirectories(root.resolve("cpu"));
    Files.createDirectories(root.resolve("memory"));
    Files.writeString(cpu.resolve("cpu.cfs_quota_us"), "-1");
    Files.writeString(root.resolve("memory/memory.limit_in_bytes"), "1");
    // a file where the powertune group directory must go makes creating it fail
    Files.writeString(cpu.resolve("powertune"), "in the way");

    ResourceControl control = ResourceControls.detect(root, 2);

    assertThat(control.available()).isFalse();
    assertThat(control.description()).contains("not writable");
  }
}
