package io.powertune.tuner.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeadlineTest {

  private final AtomicLong now = new AtomicLong(1_000_000);

  @Test
  void allowsAnother_whileTheTimeLeftExceedsTheMarginAndTwiceTheLongestInvocation() {
    Deadline deadline = new Deadline(now::get, 10_000);

    assertThat(deadline.allowsAnother()).isTrue();
    deadline.observed(2_000);
    now.addAndGet(2_000);
    assertThat(deadline.allowsAnother()).isTrue(); // 8 s left > 3 s + 4 s
    now.addAndGet(1_500);
    assertThat(deadline.allowsAnother()).isFalse(); // 6.5 s left < 7 s
  }

  @Test
  void allowsWait_countsTheWaitAgainstTheTimeLeft() {
    Deadline deadline = new Deadline(now::get, 10_000);

    assertThat(deadline.allowsWait(6_000)).isTrue();
    assertThat(deadline.allowsWait(7_500)).isFalse();
  }

  @Test
  void observed_keepsTheLongest() {
    Deadline deadline = new Deadline(now::get, 9_000);
    deadline.observed(2_500);
    deadline.observed(100);

    assertThat(deadline.allowsAnother()).isTrue(); // 9 s > 3 s + 5 s
    now.addAndGet(1_001);
    assertThat(deadline.allowsAnother()).isFalse();
  }
}
