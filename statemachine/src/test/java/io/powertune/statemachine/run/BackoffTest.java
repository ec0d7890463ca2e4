package io.powertune.statemachine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.statemachine.states.Retrier;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wait before retry k: min(IntervalSeconds x BackoffRate^(k-1), MaxDelaySeconds). */
class BackoffTest {

  private static Retrier retrier(double interval, double rate, Integer maxDelay, boolean jitter) {
    return new Retrier(List.of("States.ALL"), interval, 5, rate, maxDelay, jitter);
  }

  @Test
  void waitsGrowByTheBackoffRate() {
    Retrier r = retrier(3, 2.0, null, false);

    assertThat(Backoff.delay(r, 1, 0.5)).isEqualTo(Duration.ofSeconds(3));
    assertThat(Backoff.delay(r, 2, 0.5)).isEqualTo(Duration.ofSeconds(6));
    assertThat(Backoff.delay(r, 3, 0.5)).isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void maxDelaySeconds_capsEachWait() {
    Retrier r = retrier(1, 10.0, 30, false);

    assertThat(Backoff.delay(r, 2, 0)).isEqualTo(Duration.ofSeconds(10));
    assertThat(Backoff.delay(r, 3, 0)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void fullJitter_scalesTheWaitByTheSample() {
    Retrier r = retrier(2, 2.0, null, true);

    assertThat(Backoff.delay(r, 2, 0.25)).isEqualTo(Duration.ofSeconds(1));
    assertThat(Backoff.delay(r, 2, 0.0)).isEqualTo(Duration.ZERO);
  }

  @Test
  void fractionalWaits_keepTheirMilliseconds() {
    assertThat(Backoff.delay(retrier(1, 1.5, null, false), 2, 0))
        .isEqualTo(Duration.ofMillis(1500));
  }
}
