package io.powertune.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.analyzer.tuning.SizeResult;
import io.powertune.analyzer.tuning.TuningAnalysis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The headline, each strategy's pick, and the frontier. */
class ChoicesTest {

  static SizeResult size(int memory, double price, double duration) {
    return new SizeResult(
        memory,
        price,
        duration,
        price * 10,
        "x86_64",
        10,
        1,
        9,
        null,
        null,
        null,
        null,
        null,
        40,
        0,
        Map.of(),
        null,
        "available",
        1,
        0,
        null);
  }

  @Test
  void headline_againstTheCurrentSize() {
    assertThat(Headline.of(Fixtures.cpuBound()))
        .isEqualTo("3008 MB: 61% more expensive and 14.1x faster than the current 128 MB");
  }

  @Test
  void headline_currentSizeUnsuitable_saysSo() {
    assertThat(Headline.of(Fixtures.memoryHungry()))
        .startsWith(
            "1769 MB (the balanced pick); the current 128 MB is unsuitable: ran out of memory");
    assertThat(Headline.brief(Fixtures.memoryHungry())).isEqualTo("1769 MB: the balanced pick");
  }

  @Test
  void strategyPicks_eachStrategysChoice() {
    List<StrategyPicks.Pick> picks = StrategyPicks.of(Fixtures.cpuBound());

    assertThat(picks)
        .extracting(StrategyPicks.Pick::strategy)
        .containsExactly("cost", "speed", "balanced (0.5)");
    assertThat(picks.get(0).size().value()).isEqualTo(1024);
    assertThat(picks.get(1).size().value()).isEqualTo(3008);
  }

  @Test
  void paretoFrontier_dropsSizesBeatenOnBoth() {
    SizeResult cheapSlow = size(128, 1.0, 100);
    SizeResult beaten = size(256, 2.0, 120);
    SizeResult middle = size(512, 1.5, 60);
    SizeResult fastDear = size(1024, 3.0, 30);

    assertThat(ParetoFrontier.of(List.of(fastDear, beaten, middle, cheapSlow)))
        .extracting(SizeResult::value)
        .containsExactly(128, 512, 1024);
  }

  @Test
  void paretoFrontier_ofTheCpuBoundRun() {
    TuningAnalysis result = Fixtures.cpuBound();

    assertThat(ParetoFrontier.of(result.suitable()))
        .extracting(SizeResult::value)
        .containsExactly(1024, 1536, 3008);
  }
}
