package io.powertune.platform.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AdmissionControlTest {

  @Test
  void sharesAddUpToTheCapacity_andNoFurther() throws Exception {
    AdmissionControl admission = new AdmissionControl(1.8, 2);

    AdmissionControl.Permit first = admission.tryAcquire(1.0, Duration.ZERO);
    AdmissionControl.Permit second = admission.tryAcquire(0.5, Duration.ZERO);
    AdmissionControl.Permit third = admission.tryAcquire(0.5, Duration.ZERO);

    assertThat(first).isNotNull();
    assertThat(second).isNotNull();
    assertThat(third).isNull(); // 1.5 + 0.5 exceeds the capacity of 1.8
    assertThat(admission.inUse()).isEqualTo(1.5);
    second.close();
    assertThat(admission.tryAcquire(0.5, Duration.ZERO)).isNotNull();
  }

  @Test
  void aShareLargerThanTheHost_takesTheWholeCapacity() throws Exception {
    AdmissionControl admission = new AdmissionControl(1.8, 2);

    AdmissionControl.Permit large = admission.tryAcquire(5.8, Duration.ZERO);

    assertThat(large).isNotNull();
    assertThat(admission.inUse()).isEqualTo(1.8);
    assertThat(admission.tryAcquire(0.07, Duration.ZERO)).isNull();
  }

  @Test
  void aWaitingInvocation_runsWhenAShareIsGivenBack() throws Exception {
    AdmissionControl admission = new AdmissionControl(1.0, 2);
    AdmissionControl.Permit running = admission.tryAcquire(1.0, Duration.ZERO);

    CompletableFuture<AdmissionControl.Permit> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return admission.tryAcquire(1.0, Duration.ofMinutes(1));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    running.close();

    assertThat(waiting.get()).isNotNull();
    assertThat(admission.inUse()).isEqualTo(1.0);
  }

  @Test
  void forHost_keepsAFifthOfACoreForThePlatform() {
    assertThat(AdmissionControl.forHost(2).capacity()).isEqualTo(1.8);
    assertThat(AdmissionControl.forHost(1).capacity()).isEqualTo(0.8);
  }

  @Test
  void smallShares_arePackedOntoOneCpuEach_withinThatCpu() throws Exception {
    AdmissionControl admission = new AdmissionControl(1.8, 2);

    AdmissionControl.Permit a = admission.tryAcquire(0.6, Duration.ZERO);
    AdmissionControl.Permit b = admission.tryAcquire(0.6, Duration.ZERO);
    AdmissionControl.Permit c = admission.tryAcquire(0.3, Duration.ZERO);
    AdmissionControl.Permit d = admission.tryAcquire(0.3, Duration.ZERO);

    assertThat(a.cpu()).isEqualTo(0);
    assertThat(b.cpu()).isEqualTo(1);
    assertThat(c.cpu()).isIn(0, 1);
    assertThat(d.cpu()).isIn(0, 1).isNotEqualTo(c.cpu());
    // 0.9 on each CPU: no CPU has room for another 0.2, though the total (1.8) would allow none
    assertThat(admission.tryAcquire(0.05, Duration.ZERO)).isNull();
  }

  @Test
  void aShareOfMoreThanOneCpu_isNotPinned_andOneCpuIs() throws Exception {
    AdmissionControl admission = new AdmissionControl(1.8, 2);

    assertThat(admission.tryAcquire(1.2, Duration.ZERO).cpu()).isEqualTo(-1);
    assertThat(new AdmissionControl(1.8, 2).tryAcquire(1.0, Duration.ZERO).cpu()).isEqualTo(0);
  }
}
