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
import io.powertune.analyzer.adaptive.AdaptiveSampling;
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
    AdaptiveSampling sampling = sampling(state.get(ADAPTIVE_SAMPLING));
    // a race picks from its estimates of every size at once, not from each size's own means
    int picked =
        sampling != null && suitable.stream().anyMatch(s -> s.value() == sampling.pick())
            ? sampling.pick()
            : ranked.get(0).value();
    SizeResult pick = suitable.stream().filter(s -> s.value() == picked).findFirst().orElseThrow();
    Analysis.StateMachine cost =
        new Analysis.StateMachine(
            StepFunctionsCost.ofTransitions(
                settings.prices().stateTransitionPrice(settings.region()),
                transitions(event, sizes, sampling)),
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
            sampling,
            sizes.stream().sorted(Comparator.comparingInt(SizeResult::value)).toList()));
  }

  /**
   * The state transitions of the run: the Initializer, a Publisher and a Choice per configuration,
   * the Map, per size two per Executor call and the end of its iteration, then the Cleaner,
   * Analyzer and Optimizer. A race adds its Choice and start, and per round the Racer, its Choice
   * and the Map; a size's rounds are counted as one per Executor call (a round takes one call
   * unless it runs out of time), which makes the estimate a bound from above.
   */
  static long transitions(AnalyzerEvent event, List<SizeResult> sizes, AdaptiveSampling sampling) {
    long configurations = event.onlyColdStarts() ? (long) sizes.size() * event.num() : sizes.size();
    long branches = 0;
    for (SizeResult size : sizes) {
      branches += 2L * Math.max(size.executorCalls(), 1) + 1;
      if (sampling != null) {
        branches += Math.max(size.executorCalls(), 1) - 1;
      }
    }
    long race = sampling == null ? 0 : 2 + 3L * sampling.rounds() + 2;
    return 1 + 2 * configurations + 1 + branches + race + 3;
  }

  /** The state's field with an adaptive run's race summary. */
  public static final String ADAPTIVE_SAMPLING = "adaptiveSampling";

  private static AdaptiveSampling sampling(JsonNode node) {
    if (JsonFields.isAbsent(node)) {
      return null;
    }
    try {
      return MAPPER.treeToValue(node, AdaptiveSampling.class);
    } catch (Exception e) {
      throw new InvalidInputException(
          ADAPTIVE_SAMPLING, "not the race summary the Racer step writes: " + e.getMessage());
    }
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
