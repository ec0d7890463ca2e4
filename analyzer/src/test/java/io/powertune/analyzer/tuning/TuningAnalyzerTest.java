package io.powertune.analyzer.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.analyzer.AnalysisSettings;
import io.powertune.analyzer.VisualizationUrl;
import io.powertune.analyzer.pricing.PriceCatalogs;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TuningAnalyzerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AnalysisSettings SETTINGS =
      new AnalysisSettings(
          "us-east-1", PriceCatalogs.builtIn(PriceCatalogs.ANCHOR), VisualizationUrl.DEFAULT_BASE);

  private static SizeResult size(int memory, double price, double duration, String unsuitable) {
    return new SizeResult(
        memory,
        price,
        duration,
        price * 5,
        "x86_64",
        5,
        1,
        4,
        null,
        null,
        null,
        duration,
        null,
        40,
        unsuitable == null ? 0 : 1,
        unsuitable == null ? Map.of() : Map.of("Runtime.OutOfMemory", 1),
        unsuitable,
        "available",
        1,
        0,
        null);
  }

  private static ObjectNode state(String strategy, SizeResult... sizes) {
    ObjectNode state = JSON.createObjectNode().put("strategy", strategy).put("num", 5);
    ArrayNode stats = state.putArray("stats");
    for (SizeResult size : sizes) {
      stats.add(JSON.valueToTree(size));
    }
    return state;
  }

  @Test
  void analyze_ranksOnlySuitableSizes_andDescribesThePick() {
    ObjectNode state =
        state(
            "cost",
            size(128, 0, 0, "ran out of memory"),
            size(256, 2e-6, 400, null),
            size(512, 1.5e-6, 150, null));

    TuningAnalysis analysis =
        TuningAnalyzer.analyze(state, SETTINGS, OptionalInt.of(256)).orElseThrow();

    assertThat(analysis.power()).isEqualTo(512);
    assertThat(analysis.cost()).isEqualTo(1.5e-6);
    assertThat(analysis.strategy()).isEqualTo("cost");
    assertThat(analysis.balancedWeight()).isNull();
    assertThat(analysis.recommendation())
        .isEqualTo(
            "512 MB is the cheapest of the 2 suitable sizes ($0.0000015 per invocation); against"
                + " the current 256 MB it is 25% cheaper and 2.7x faster.");
    assertThat(analysis.sizes()).extracting(SizeResult::value).containsExactly(128, 256, 512);
    assertThat(analysis.stateMachine().lambdaCost()).isEqualTo(3.5e-6 * 5, within());
    assertThat(analysis.stats()).isNull();
    assertThat(analysis.cpuScaling()).isEqualTo("available");
  }

  @Test
  void analyze_executionCost_countsThisStateMachinesTransitions() {
    ObjectNode state = state("speed", size(128, 1e-6, 100, null), size(256, 1e-6, 50, null));

    TuningAnalysis analysis =
        TuningAnalyzer.analyze(state, SETTINGS, OptionalInt.empty()).orElseThrow();

    // Initializer, 2 x (Publisher, Choice), Map, 2 x (Executor, Choice, Pass), 3 more: 15
    assertThat(analysis.stateMachine().executionCost()).isEqualTo(0.00038); // 15 transitions
  }

  @Test
  void analyze_everySizeUnsuitable_failsWithEachReason() {
    ObjectNode state =
        state("cost", size(128, 0, 0, "ran out of memory"), size(256, 0, 0, "timed out"));

    assertThatThrownBy(() -> TuningAnalyzer.analyze(state, SETTINGS, OptionalInt.empty()))
        .isInstanceOf(NoSuitableSizeException.class)
        .hasMessage("no memory size is suitable: 128 MB ran out of memory; 256 MB timed out");
  }

  @Test
  void analyze_dryRun_isEmpty() {
    ObjectNode state = state("cost", size(128, 1e-6, 10, null)).put("dryRun", true);

    assertThat(TuningAnalyzer.analyze(state, SETTINGS, OptionalInt.empty())).isEmpty();
  }

  @Test
  void analyze_balanced_saysItsWeight_andIncludesTheStatsWhenAsked() {
    ObjectNode state =
        state("balanced", size(128, 1e-6, 300, null), size(1024, 4e-6, 40, null))
            .put("balancedWeight", 0.25)
            .put("includeOutputResults", true);

    TuningAnalysis analysis =
        TuningAnalyzer.analyze(state, SETTINGS, OptionalInt.empty()).orElseThrow();

    assertThat(analysis.power()).isEqualTo(1024);
    assertThat(analysis.balancedWeight()).isEqualTo(0.25);
    assertThat(analysis.recommendation())
        .isEqualTo(
            "1024 MB balances cost and speed best (weight 0.25: $0.000004 per invocation, 40.0 ms"
                + " on average).");
    assertThat(analysis.stats()).hasSize(2);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-15);
  }
}
