package io.powertune.analyzer.tuning;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.powertune.analyzer.Analysis;
import io.powertune.analyzer.AnalysisSettings;
import io.powertune.analyzer.AnalyzerEvent;
import io.powertune.analyzer.AnalyzerEventReader;
import io.powertune.analyzer.JsonFields;
import io.powertune.analyzer.StepFunctionsCost;
import io.powertune.analyzer.VisualizationUrl;
import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.analyzer.model.PowerStat;
import io.powertune.analyzer.strategy.Strategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The tuning's Analyzer step: ranks the suitable sizes with the strategy, prices the run, and
 * describes the pick. Sizes that failed are reported, never ranked; the run fails only when every
 * size failed.
 */
public final class TuningAnalyzer {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private TuningAnalyzer() {}

  /**
   * Analyses the execution state; empty for a dry run.
   *
   * @param state the execution's state with its {@code stats} (the Executor steps' results)
   * @param current the function's memory size before the run, when known
   * @throws InvalidInputException when the state is malformed
   * @throws NoSuitableSizeException when every size failed
   */
  public static Optional<TuningAnalysis> analyze(
      JsonNode state, AnalysisSettings settings, OptionalInt current) {
    AnalyzerEvent event = AnalyzerEventReader.read(state);
    if (event.dryRun()) {
      return Optional.empty();
    }
    List<SizeResult> sizes = sizes(state.get("stats"));
    List<SizeResult> suitable = sizes.stream().filter(SizeResult::suitable).toList();
    if (suitable.isEmpty()) {
      throw new NoSuitableSizeException(sizes);
    }
    List<PowerStat> ranked =
        event
            .strategy()
            .rank(suitable.stream().map(SizeResult::stat).toList(), event.balancedWeight());
    SizeResult pick =
        suitable.stream().filter(s -> s.value() == ranked.get(0).value()).findFirst().orElseThrow();
    Analysis.StateMachine cost =
        new Analysis.StateMachine(
            StepFunctionsCost.ofTransitions(
                settings.prices().stateTransitionPrice(settings.region()),
                transitions(event, sizes)),
            sizes.stream().mapToDouble(SizeResult::totalCost).sum(),
            VisualizationUrl.build(settings.visualizationBaseUrl(), ranked, settings.region()));
    boolean balanced = event.strategy() == Strategy.BALANCED;
    return Optional.of(
        new TuningAnalysis(
            pick.value(),
            pick.averagePrice(),
            pick.averageDuration(),
            cost,
            event.includeOutputResults() ? entries(event.stats()) : null,
            event.strategy().inputName(),
            balanced ? event.balancedWeight() : null,
            Recommendation.describe(
                event.strategy(), event.balancedWeight(), pick, suitable, current),
            sizes.stream().anyMatch(s -> SizeResult.CPU_SCALING_UNAVAILABLE.equals(s.cpuScaling()))
                ? SizeResult.CPU_SCALING_UNAVAILABLE
                : SizeResult.CPU_SCALING_AVAILABLE,
            current.isPresent() ? current.getAsInt() : null,
            null,
            sizes.stream().sorted(Comparator.comparingInt(SizeResult::value)).toList()));
  }

  /**
   * The state transitions of the run: the Initializer, a Publisher and a Choice per configuration,
   * the Map, per size two per Executor call and the end of its iteration, then the Cleaner,
   * Analyzer and Optimizer.
   */
  static long transitions(AnalyzerEvent event, List<SizeResult> sizes) {
    long configurations = event.onlyColdStarts() ? (long) sizes.size() * event.num() : sizes.size();
    long branches = 0;
    for (SizeResult size : sizes) {
      branches += 2L * Math.max(size.executorCalls(), 1) + 1;
    }
    return 1 + 2 * configurations + 1 + branches + 3;
  }

  private static List<SizeResult> sizes(JsonNode stats) {
    List<SizeResult> sizes = new ArrayList<>();
    for (int i = 0; i < stats.size(); i++) {
      JsonNode entry = stats.get(i);
      if (JsonFields.isAbsent(entry)) {
        continue;
      }
      try {
        sizes.add(MAPPER.treeToValue(entry, SizeResult.class));
      } catch (Exception e) {
        throw new InvalidInputException(
            "stats[" + i + "]", "not a size result the Executor step writes: " + e.getMessage());
      }
    }
    return sizes;
  }

  private static List<Analysis.Entry> entries(List<PowerStat> stats) {
    return stats.stream()
        .map(s -> new Analysis.Entry(s.value(), s.averagePrice(), s.averageDuration()))
        .toList();
  }
}
