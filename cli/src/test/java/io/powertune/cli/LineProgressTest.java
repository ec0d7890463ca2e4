package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LineProgressTest {

  private final StringWriter text = new StringWriter();
  private final LineProgress progress =
      new LineProgress(new PrintWriter(text), List.of(128, 256), 10, false);

  private void at(int seconds, Map<Integer, Integer> measured, Set<Integer> done) {
    progress.update(new ProgressDisplay.Snapshot(measured, done, Duration.ofSeconds(seconds)));
  }

  @Test
  void update_aLineWhenASizeIsDone_onceEach_evenWhenItStoppedEarly() {
    at(1, Map.of(128, 4), Set.of());
    at(2, Map.of(128, 1), Set.of(128));
    at(3, Map.of(128, 1, 256, 10), Set.of(128, 256));
    at(4, Map.of(128, 1, 256, 12), Set.of(128, 256));

    assertThat(text.toString().lines())
        .containsExactly(
            "powertune: 128 MB measured: 1 of 10 invocations (2.0 s)",
            "powertune: 256 MB measured: 10 of 10 invocations (3.0 s)");
  }

  @Test
  void update_aLineNowAndThenForTheSizeBeingMeasured() {
    at(16, Map.of(128, 3), Set.of());
    at(20, Map.of(128, 5), Set.of());
    at(31, Map.of(128, 8), Set.of());

    assertThat(text.toString().lines())
        .containsExactly(
            "powertune: measuring 128 MB: 3 of 10 invocations (16.0 s)",
            "powertune: measuring 128 MB: 8 of 10 invocations (31.0 s)");
  }

  @Test
  void update_inARace_saysWhenASizeLeavesIt_withTheInvocationsItHad() {
    LineProgress race = new LineProgress(new PrintWriter(text), List.of(128, 256), 50, true);

    race.update(
        new ProgressDisplay.Snapshot(Map.of(128, 3, 256, 3), Set.of(128), Duration.ofSeconds(2)));
    race.update(
        new ProgressDisplay.Snapshot(Map.of(128, 3, 256, 9), Set.of(128), Duration.ofSeconds(17)));

    assertThat(text.toString().lines())
        .containsExactly(
            "powertune: 128 MB out of the race: 3 invocations, at most 50 (2.0 s)",
            "powertune: measuring 256 MB: 9 invocations, at most 50 (17.0 s)");
  }
}
