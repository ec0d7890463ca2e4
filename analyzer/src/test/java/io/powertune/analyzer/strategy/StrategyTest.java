package io.powertune.analyzer.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.analyzer.model.PowerStat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The original's documented cases (reference section 6) and where powertune deliberately differs.
 */
class StrategyTest {

  private static PowerStat stat(int value, double price, double duration) {
    return new PowerStat(value, price, duration, 0);
  }

  private static int best(Strategy strategy, double weight, PowerStat... stats) {
    return strategy.rank(List.of(stats), weight).get(0).value();
  }

  @Test
  void cost_picksTheCheapest() {
    assertThat(
            best(Strategy.COST, 0.5, stat(128, 100, 100), stat(256, 200, 300), stat(512, 30, 200)))
        .isEqualTo(512);
  }

  @Test
  void cost_tieOnCost_goesToTheFaster() {
    assertThat(best(Strategy.COST, 0.5, stat(128, 100, 100), stat(256, 100, 90))).isEqualTo(256);
  }

  @Test
  void cost_fullTie_keepsInputOrder() {
    assertThat(best(Strategy.COST, 0.5, stat(256, 100, 90), stat(128, 100, 90))).isEqualTo(256);
  }

  @Test
  void speed_tieOnDuration_goesToTheCheaper() {
    assertThat(best(Strategy.SPEED, 0.5, stat(128, 100, 200), stat(256, 90, 200))).isEqualTo(256);
  }

  @Test
  void speed_picksTheFastest() {
    assertThat(best(Strategy.SPEED, 0.5, stat(128, 1, 300), stat(256, 2, 150), stat(512, 4, 80)))
        .isEqualTo(512);
  }

  @Test
  void balanced_halfWeight_matchesTheOriginal() {
    // scores 0.66833 / 0.66667 / 0.66833
    assertThat(
            best(
                Strategy.BALANCED,
                0.5,
                stat(128, 101, 300),
                stat(256, 200, 200),
                stat(512, 300, 101)))
        .isEqualTo(256);
  }

  @Test
  void balanced_weight03_matchesTheOriginal() {
    // scores 0.73 / 0.5267 / 0.3233 / 0.4167
    assertThat(
            best(
                Strategy.BALANCED,
                0.3,
                stat(128, 100, 300),
                stat(256, 200, 200),
                stat(512, 300, 100),
                stat(1024, 1000, 50)))
        .isEqualTo(512);
  }

  @Test
  void balanced_weightOne_isTheCheapest_andWeightZero_theFastest() {
    PowerStat[] stats = {stat(128, 100, 300), stat(256, 150, 200), stat(512, 300, 100)};

    assertThat(best(Strategy.BALANCED, 1, stats)).isEqualTo(128);
    assertThat(best(Strategy.BALANCED, 0, stats)).isEqualTo(512);
  }

  @Test
  void balanced_tieOnScore_goesToTheCheaper_whereTheOriginalKeepsInputOrder() {
    // weight 1 ignores duration: both score 1.0; the original picks 128 (first), powertune the
    // cheaper... equal cost here, so the faster one, 256.
    assertThat(best(Strategy.BALANCED, 1, stat(128, 100, 300), stat(256, 100, 90))).isEqualTo(256);
  }

  @Test
  void balanced_tieOnScoreWithDifferentCosts_goesToTheCheaper() {
    // weight 0 ignores cost: both score 1.0 on duration; the cheaper one wins, not the first one.
    assertThat(best(Strategy.BALANCED, 0, stat(128, 300, 100), stat(256, 100, 100))).isEqualTo(256);
  }

  @Test
  void balanced_scoresEqualButForRounding_areATie_thatGoesToTheCheaper() {
    // both score 13/60, as 0.21666666666666667 and 0.21666666666666665
    assertThat(
            best(
                Strategy.BALANCED,
                0.5,
                stat(128, 10, 120),
                stat(256, 20, 110),
                stat(512, 300, 300)))
        .isEqualTo(128);
  }

  @Test
  void balanced_allCostsZero_ranksByDuration_whereTheOriginalKeepsInputOrder() {
    assertThat(best(Strategy.BALANCED, 0.5, stat(128, 0, 300), stat(256, 0, 100))).isEqualTo(256);
  }

  @Test
  void rank_returnsEveryEntryBestFirst_andLeavesTheInputAlone() {
    List<PowerStat> input = List.of(stat(128, 3, 1), stat(256, 1, 1), stat(512, 2, 1));

    List<PowerStat> ranked = Strategy.COST.rank(input, 0.5);

    assertThat(ranked).extracting(PowerStat::value).containsExactly(256, 512, 128);
    assertThat(input).extracting(PowerStat::value).containsExactly(128, 256, 512);
  }

  @Test
  void parse_namesAreCaseInsensitive_andBlankMeansCost() {
    assertThat(Strategy.parse("balanced", "strategy")).isEqualTo(Strategy.BALANCED);
    assertThat(Strategy.parse("Speed", "strategy")).isEqualTo(Strategy.SPEED);
    assertThat(Strategy.parse(null, "strategy")).isEqualTo(Strategy.COST);
    assertThat(Strategy.parse("", "strategy")).isEqualTo(Strategy.COST);
  }

  @Test
  void parse_unknown_isAValidationErrorNamingTheField() {
    assertThatThrownBy(() -> Strategy.parse("fastest", "--strategy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("--strategy: unknown strategy 'fastest'; use one of cost, speed, balanced");
  }

  @Test
  void clampWeight_followsTheOriginal_exceptNullMeansTheDefault() {
    assertThat(Strategy.clampWeight(null)).isEqualTo(0.5);
    assertThat(Strategy.clampWeight(1.5)).isEqualTo(1.0);
    assertThat(Strategy.clampWeight(-2.0)).isEqualTo(0.0);
    assertThat(Strategy.clampWeight(0.3)).isEqualTo(0.3);
  }
}
