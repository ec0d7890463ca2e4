package io.powertune.platform.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.platform.resources.CpuSample.ThreadTimes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wait charged to the host, from the scheduler's counters around one invocation. */
class CpuWaitTest {

  private static final long MS = 1_000_000;

  private static CpuSample sample(long throttledMs, Map<Integer, ThreadTimes> threads) {
    return new CpuSample(threads, throttledMs * MS);
  }

  private static ThreadTimes times(long runMs, long waitMs) {
    return new ThreadTimes(runMs * MS, waitMs * MS);
  }

  @Test
  void aThreadKeptWaitingByOtherWork_isContended() {
    CpuWait wait =
        CpuWait.between(
            sample(0, Map.of(7, times(1000, 0))),
            sample(0, Map.of(7, times(1090, 10))),
            100 * MS,
            1,
            1.0);

    assertThat(wait.waitMs()).isEqualTo(10.0);
    assertThat(wait.contended()).isTrue();
  }

  @Test
  void aThrottledFunctionKeptWaiting_losesOnlyWhatItsQuotaCouldNotMakeUp() {
    // 512 MB: a share of 0.29 CPU; 48 ms of CPU need 166 ms at that share, it took 177 ms and
    // waited 25 ms beyond its throttling, of which 11 ms made it later
    CpuWait wait =
        CpuWait.between(
            sample(0, Map.of(7, times(0, 0))),
            sample(104, Map.of(7, times(48, 129))),
            177 * MS,
            1,
            0.29);

    assertThat(wait.waitMs()).isEqualTo(11.48);
    assertThat(wait.contended()).isTrue();
  }

  @Test
  void waitingOutItsOwnQuota_isNoContention() {
    CpuWait wait =
        CpuWait.between(
            sample(200, Map.of(7, times(0, 200))),
            sample(250, Map.of(7, times(45, 251))),
            100 * MS,
            1,
            0.5);

    assertThat(wait.waitMs()).isEqualTo(1.0);
    assertThat(wait.contended()).isFalse();
  }

  @Test
  void threadsOfOneFunctionWaitingForEachOther_isNoContention() {
    CpuWait wait =
        CpuWait.between(
            sample(0, Map.of(7, times(0, 0), 8, times(0, 0))),
            sample(0, Map.of(7, times(50, 50), 8, times(50, 50))),
            100 * MS,
            1,
            1.0);

    assertThat(wait.waitMs()).isZero();
    assertThat(wait.contended()).isFalse();
  }

  @Test
  void aShortWaitOfAMostlySleepingFunction_isUnderTheThreshold() {
    CpuWait wait =
        CpuWait.between(
            sample(0, Map.of(7, times(0, 0))), sample(0, Map.of(7, times(5, 4))), 100 * MS, 1, 1.0);

    assertThat(wait.waitMs()).isEqualTo(4.0);
    assertThat(wait.contended()).isFalse();
  }

  @Test
  void aThreadStartedDuringTheInvocation_countsFromZero_andOneThatEnded_isLeftOut() {
    CpuWait wait =
        CpuWait.between(
            sample(0, Map.of(7, times(10, 0), 9, times(500, 500))),
            sample(0, Map.of(7, times(40, 0), 8, times(30, 20))),
            100 * MS,
            1,
            1.0);

    assertThat(wait.waitMs()).isEqualTo(20.0);
    assertThat(wait.contended()).isTrue();
  }

  @Test
  void anUnpinnedEnvironment_hasEveryCpuItMayUse() {
    CpuSample before = sample(0, Map.of(7, times(0, 0), 8, times(0, 0)));
    CpuSample after = sample(0, Map.of(7, times(70, 30), 8, times(70, 30)));

    assertThat(CpuWait.between(before, after, 100 * MS, 1, 1.0).waitMs())
        .as("one CPU: it could not have run more")
        .isZero();
    assertThat(CpuWait.between(before, after, 100 * MS, 2, 2.0).waitMs())
        .as("two CPUs: two threads of 70 ms would have ended at 70 ms, not 100")
        .isEqualTo(30.0);
  }
}
