package io.powertune.tuner.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottleBackoffTest {

  private final ThrottleBackoff backoff = ThrottleBackoff.DEFAULT;

  @Test
  void delay_doublesItsCeilingPerAttempt_upToTheCap() {
    assertThat(backoff.delay(1, 0.999)).isEqualTo(Duration.ofMillis(49));
    assertThat(backoff.delay(2, 0.999)).isEqualTo(Duration.ofMillis(99));
    assertThat(backoff.delay(4, 0.999)).isEqualTo(Duration.ofMillis(399));
    assertThat(backoff.delay(30, 0.999)).isEqualTo(Duration.ofMillis(4995));
    assertThat(backoff.delay(1000, 0.999)).isEqualTo(Duration.ofMillis(4995));
  }

  @Test
  void delay_isAFullJitterDrawBelowTheCeiling() {
    assertThat(backoff.delay(3, 0)).isZero();
    assertThat(backoff.delay(3, 0.5)).isEqualTo(Duration.ofMillis(100));
  }
}
