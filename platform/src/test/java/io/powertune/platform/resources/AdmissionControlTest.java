package io.powertune.platform.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AdmissionControlTest {

  @Test
  void sharesAddUpToTheCapacity_andNoFurther() throws Exception {
    AdmissionControl admission = new AdmissionControl(1.8);

    AdmissionControl.Permit first = admission.tryAcquire(1.0, Duration.ZERO);
    AdmissionControl.Permit second = admission.tryAcquire(0.5, Duration.ZERO);
    AdmissionControl.Permit third = admission.tryAcquire(0.5, Duration.ZERO);

    assertThat(first).isNotNull();
    assertThat(second).isNotNull();
    assertThat(third).isNull();
    assertThat(admission.inUse()).isEqualTo(1.5);
    second.close();
    assertThat(admission.tryAcquire(0.5, Duration.ZERO)).isNotNull();
  }

  @Test
  void aShareLargerThanTheHost_takesTheWholeCapacity() throws Exception {
    AdmissionControl admission = new AdmissionControl(1.8);

    AdmissionControl.Permit large = admission.tryAcquire(5.8, Duration.ZERO);

    assertThat(large).isNotNull();
    assertThat(admission.inUse()).isEqualTo(1.8);
    assertThat(admission.tryAcquire(0.07, Duration.ZERO)).isNull();
  }

  @Test
  void aWaitingInvocation_runsWhenAShareIsGivenBack() throws Exception {
    AdmissionControl admission = new AdmissionControl(1.0);
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
}
