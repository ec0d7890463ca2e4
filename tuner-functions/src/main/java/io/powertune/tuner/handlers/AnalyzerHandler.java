package io.powertune.tuner.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.tuner.aws.TunerEnvironment;
import io.powertune.tuner.steps.AnalyzerStep;
import java.util.Map;

/** The Analyzer step's handler. */
public final class AnalyzerHandler extends StepHandler {

  private final AnalyzerStep step;

  /** On Lambda: the environment of this process. */
  public AnalyzerHandler() {
    this(TunerEnvironment.fromSystem());
  }

  /** In the platform's JVM: the variables the platform gives the function. */
  public AnalyzerHandler(Map<String, String> variables) {
    this(TunerEnvironment.of(variables));
  }

  AnalyzerHandler(TunerEnvironment environment) {
    super(environment);
    this.step = new AnalyzerStep(environment);
  }

  @Override
  protected Object handle(JsonNode event, Context context) {
    return step.run(event);
  }
}
