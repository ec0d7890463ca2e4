package io.powertune.tuner.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.tuner.aws.TunerEnvironment;
import io.powertune.tuner.steps.Optimizer;
import java.util.Map;

/** The Optimizer step's handler. */
public final class OptimizerHandler extends StepHandler {

  private final Optimizer step = new Optimizer(clients);

  /** On Lambda: the environment of this process. */
  public OptimizerHandler() {
    this(TunerEnvironment.fromSystem());
  }

  /** In the platform's JVM: the variables the platform gives the function. */
  public OptimizerHandler(Map<String, String> variables) {
    this(TunerEnvironment.of(variables));
  }

  OptimizerHandler(TunerEnvironment environment) {
    super(environment);
  }

  @Override
  protected Object handle(JsonNode event, Context context) {
    return step.run(event);
  }
}
