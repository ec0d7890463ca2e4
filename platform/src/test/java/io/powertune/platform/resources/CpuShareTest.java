package io.powertune.platform.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The quota arithmetic, against the figures measured in shared/notes/cpu-fidelity.md. */
class CpuShareTest {

  @Test
  void smallSizes_getAOneMillisecondQuota_inALongerPeriod() {
    CpuShare share = CpuShare.forMemory(128, 2);

    assertThat(share.quotaUs()).isEqualTo(1000);
    assertThat(share.periodUs()).isEqualTo(13_821);
    assertThat(share.vcpus())
        .isCloseTo(128 / 1769.0, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(share.processors()).isEqualTo(1);
  }

  @Test
  void middleSizes_getTheirShareOfAFiveMillisecondPeriod() {
    assertThat(CpuShare.forMemory(256, 2)).isEqualTo(new CpuShare(256 / 1769.0, 6911, 1000));
    assertThat(CpuShare.forMemory(512, 2)).isEqualTo(new CpuShare(512 / 1769.0, 5000, 1447));
    assertThat(CpuShare.forMemory(1024, 2).quotaUs()).isEqualTo(2894); // 2894.29, rounded
    assertThat(CpuShare.forMemory(1769, 2).quotaUs()).isEqualTo(5000);
  }

  @Test
  void largeSizes_getMoreThanOneCpu_cappedAtTheHostsCores() {
    CpuShare threeGigabytes = CpuShare.forMemory(3008, 2);
    CpuShare tenGigabytesOnTwoCores = CpuShare.forMemory(10_240, 2);
    CpuShare tenGigabytesOnEight = CpuShare.forMemory(10_240, 8);

    assertThat(threeGigabytes.quotaUs()).isEqualTo(8502);
    assertThat(threeGigabytes.processors()).isEqualTo(2);
    assertThat(tenGigabytesOnTwoCores.quotaUs()).isEqualTo(CpuShare.NO_QUOTA);
    assertThat(CpuShare.forMemory(3538, 2).quotaUs()).isEqualTo(CpuShare.NO_QUOTA);
    assertThat(CpuShare.forMemory(3538, 4).quotaUs()).isEqualTo(10_000);
    assertThat(tenGigabytesOnEight.vcpus())
        .isCloseTo(5.79, org.assertj.core.api.Assertions.within(0.01));
    assertThat(tenGigabytesOnEight.processors()).isEqualTo(6);
  }
}
