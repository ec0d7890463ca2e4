package io.powertune.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.analyzer.model.PowerStat;
import io.powertune.analyzer.pricing.PriceCatalogs;
import io.powertune.analyzer.strategy.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

  private static final AnalysisSettings ANCHOR_US =
      new AnalysisSettings(
          "us-east-1", PriceCatalogs.builtIn(PriceCatalogs.ANCHOR), VisualizationUrl.DEFAULT_BASE);

  private static AnalyzerEvent event(List<PowerStat> stats) {
    return new AnalyzerEvent(stats, stats.size(), Strategy.COST, 0.5, false, false, 10, false);
  }

  private static AnalyzerEvent fixture() throws Exception {
    return AnalyzerEventReader.read(
        new ObjectMapper().readTree(Fixtures.read("events/analyzer-event.json")));
  }

  @Test
  void analyze_fixture_choosesTheCheapestAndAddsTheTuningCost() throws Exception {
    Analysis analysis = Analyzer.analyze(fixture(), ANCHOR_US).orElseThrow();

    assertThat(analysis.power()).isEqualTo(256);
    assertThat(analysis.cost()).isEqualTo(2.0e-7);
    assertThat(analysis.duration()).isEqualTo(48.25);
    assertThat(analysis.stateMachine().executionCost()).isEqualTo(0.00045);
    // summed in ranked order, as the original sums them (Node.js gives 0.0000111)
    assertThat(analysis.stateMachine().lambdaCost()).isEqualTo(0.0000111);
    assertThat(analysis.stateMachine().visualization())
        .startsWith("https://lambda-power-tuning.show/#gAAAAQACAAQ=;");
    assertThat(analysis.stats()).isNull();
  }

  @Test
  void analyze_otherStrategies_reDecideFromTheSameStats() throws Exception {
    assertThat(
            Analyzer.analyze(fixture().withStrategy(Strategy.SPEED), ANCHOR_US)
                .orElseThrow()
                .power())
        .isEqualTo(1024);
    assertThat(
            Analyzer.analyze(
                    fixture().withStrategy(Strategy.BALANCED).withBalancedWeight(0.5), ANCHOR_US)
                .orElseThrow()
                .power())
        .isEqualTo(512);
  }

  @Test
  void analyze_dryRun_hasNoAnalysis() throws Exception {
    AnalyzerEvent dry =
        new AnalyzerEvent(fixture().stats(), 4, Strategy.COST, 0.5, false, false, 10, true);

    assertThat(Analyzer.analyze(dry, ANCHOR_US)).isEmpty();
  }

  @Test
  void analyze_entriesWithoutDuration_areLeftOutButCountInTheExecutionCost() {
    AnalyzerEvent event =
        event(
            List.of(
                new PowerStat(128, 0, 0, 0),
                new PowerStat(256, 2e-7, 50, 2e-6),
                new PowerStat(512, 3e-7, 30, 3e-6)));

    Analysis analysis = Analyzer.analyze(event, ANCHOR_US).orElseThrow();

    assertThat(analysis.power()).isEqualTo(256);
    // 6 + 3 * 3 transitions at $0.000025
    assertThat(analysis.stateMachine().executionCost()).isEqualTo(0.00038);
    assertThat(event.unmeasured()).extracting(PowerStat::value).containsExactly(128);
  }

  @Test
  void analyze_includeOutputResults_listsEveryEntryInInputOrder() throws Exception {
    Analysis analysis =
        Analyzer.analyze(fixture().withIncludeOutputResults(true), ANCHOR_US).orElseThrow();

    assertThat(analysis.stats())
        .extracting(Analysis.Entry::value)
        .containsExactly(128, 256, 512, 1024);
    assertThat(analysis.stats().get(0)).isEqualTo(new Analysis.Entry(128, 2.1e-7, 100.5));
  }

  @Test
  void analyze_coldMode_countsTheExtraTransitions() {
    AnalyzerEvent cold =
        new AnalyzerEvent(
            List.of(new PowerStat(128, 1e-7, 10, 1e-6)),
            1,
            Strategy.COST,
            0.5,
            false,
            true,
            5,
            false);

    // 6 + 1 + 2 * 1 * 5 = 17 transitions
    assertThat(Analyzer.analyze(cold, ANCHOR_US).orElseThrow().stateMachine().executionCost())
        .isEqualTo(0.00043);
  }

  @Test
  void analyze_chinaRegion_pricesTransitionsInCnyAndTellsTheViewer() throws Exception {
    AnalysisSettings china =
        new AnalysisSettings(
            "cn-north-1",
            PriceCatalogs.builtIn(PriceCatalogs.ANCHOR),
            VisualizationUrl.DEFAULT_BASE);

    Analysis analysis = Analyzer.analyze(fixture(), china).orElseThrow();

    assertThat(analysis.stateMachine().executionCost()).isEqualTo(0.0034);
    assertThat(analysis.stateMachine().visualization()).contains("?currency=CNY#");
  }

  @Test
  void analyze_nothingMeasured_isAClearErrorNotACrash() {
    AnalyzerEvent event = event(List.of(new PowerStat(128, 0, 0, 0)));

    assertThatThrownBy(() -> Analyzer.analyze(event, ANCHOR_US))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("stats: no entry has an averageDuration above 0");
  }
}
