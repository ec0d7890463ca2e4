package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostActivityTest {

  @Test
  void hostBusyTicks_addsUserNiceSystemIrqSoftirqAndSteal() {
    String stat = "cpu  100 20 30 5000 40 6 7 8 0 0\ncpu0 50 10 15 2500 20 3 3 4 0 0\n";

    assertThat(HostActivity.hostBusyTicks(stat)).isEqualTo(100 + 20 + 30 + 6 + 7 + 8);
  }

  @Test
  void cores_countsTheCpuLines() {
    String stat =
        "cpu  1 2 3 4 5 6 7 8 0 0\ncpu0 1 1 1 1 1 1 1 1 0 0\ncpu1 1 1 1 1 1 1 1 1 0 0\nintr 5\n";

    assertThat(HostActivity.cores(stat)).isEqualTo(2);
  }

  @Test
  void processTicks_readsPastACommandWithSpacesAndParentheses() {
    String stat =
        "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 12 3 20 0 40 0 1 0";

    assertThat(HostActivity.processTicks(stat, false)).isEqualTo(300);
    assertThat(HostActivity.processTicks(stat, true)).isEqualTo(315);
  }

  @Test
  void note_whenOtherWorkTookMoreThanTheThreshold() {
    HostActivity.Snapshot before = new HostActivity.Snapshot(1000, 400, 0, 2);
    HostActivity.Snapshot busy =
        new HostActivity.Snapshot(1000 + 300, 400 + 100, 1_000_000_000L, 2);
    HostActivity.Snapshot quiet =
        new HostActivity.Snapshot(1000 + 120, 400 + 100, 1_000_000_000L, 2);

    assertThat(HostActivity.note(before, busy))
        .hasValueSatisfying(
            note ->
                assertThat(note)
                    .startsWith(
                        "the host was busy with other work during the run (100% of its 2 CPUs"));
    assertThat(HostActivity.note(before, quiet)).isEmpty();
  }

  @Test
  void take_readsThisProcessTree() {
    assertThat(HostActivity.take(ProcessHandle.current().pid()))
        .hasValueSatisfying(s -> assertThat(s.ownTicks()).isPositive());
  }
}
