package io.powertune.analyzer.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.analyzer.strategy.Strategy;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RecommendationTest {

  private static SizeResult size(int memory, double price, double duration) {
    return new SizeResult(
        memory,
        price,
        duration,
        0,
        "x86_64",
        5,
        1,
        4,
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        Map.of(),
        null,
        "available",
        1,
        0,
        null);
  }

  private final SizeResult small = size(128, 2e-6, 700);
  private final SizeResult large = size(1769, 1.9e-6, 50);

  @Test
  void describe_speed_againstTheCurrentSize() {
    assertThat(
            Recommendation.describe(
                Strategy.SPEED, 0.5, large, List.of(small, large), OptionalInt.of(128)))
        .isEqualTo(
            "1769 MB is the fastest of the 2 suitable sizes (50.0 ms on average); against the"
                + " current 128 MB it is 5% cheaper and 14.0x faster.");
  }

  @Test
  void describe_pickIsTheCurrentSize_saysSo() {
    assertThat(
            Recommendation.describe(
                Strategy.COST, 0.5, large, List.of(small, large), OptionalInt.of(1769)))
        .isEqualTo(
            "1769 MB is the cheapest of the 2 suitable sizes ($0.0000019 per invocation); it is"
                + " the function's current size.");
  }

  @Test
  void describe_slowerAndDearer_saysSoPlainly() {
    SizeResult fast = size(512, 1e-6, 100);
    SizeResult slow = size(256, 1.2e-6, 130);

    assertThat(
            Recommendation.describe(
                Strategy.COST, 0.5, slow, List.of(fast, slow), OptionalInt.of(512)))
        .endsWith("against the current 512 MB it is 20% more expensive and 30% slower.");
  }

  @Test
  void describe_onlyOneSuitableSize() {
    assertThat(
            Recommendation.describe(
                Strategy.SPEED, 0.5, small, List.of(small), OptionalInt.empty()))
        .isEqualTo("128 MB is the only suitable size (700 ms on average).");
  }

  @Test
  void money_threeSignificantDigitsInPlainNotation() {
    assertThat(Wording.money(0.000001234567)).isEqualTo("$0.00000123");
    assertThat(Wording.money(0)).isEqualTo("$0");
  }
}
