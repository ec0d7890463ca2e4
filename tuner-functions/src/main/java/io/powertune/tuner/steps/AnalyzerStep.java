package io.powertune.tuner.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.analyzer.AnalysisSettings;
import io.powertune.analyzer.pricing.PriceCatalogs;
import io.powertune.analyzer.tuning.TuningAnalysis;
import io.powertune.analyzer.tuning.TuningAnalyzer;
import io.powertune.tuner.aws.TunerEnvironment;
import java.util.OptionalInt;

/** The Analyzer step: the analyzer's {@link TuningAnalyzer} over the execution state. */
public final class AnalyzerStep {

  private final TunerEnvironment environment;

  public AnalyzerStep(TunerEnvironment environment) {
    this.environment = environment;
  }

  /** The analysis; null for a dry run (the execution's output is then null, as the original's). */
  public TuningAnalysis run(JsonNode state) {
    Configurations plan = StateReader.configurations(state);
    OptionalInt current =
        plan == null || plan.original() == null
            ? OptionalInt.empty()
            : OptionalInt.of(plan.original().currentMemorySize());
    return TuningAnalyzer.analyze(
            state,
            new AnalysisSettings(
                environment.region(), PriceCatalogs.defaults(), environment.visualizationUrl()),
            current)
        .orElse(null);
  }
}
