package io.powertune.tuner.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.tuner.aws.TunerEnvironment;
import io.powertune.tuner.steps.Racer;
import java.io.IOException;
import java.util.Map;

/** The Racer step's handler (adaptive sampling). */
public final class RacerHandler extends StepHandler {

  private final Racer step;

  /** On Lambda: the environment of this process. */
  public RacerHandler() {
    this(TunerEnvironment.fromSystem());
  }

  /** In the platform's JVM: the variables the platform gives the function. */
  public RacerHandler(Map<String, String> variables) {
    this(TunerEnvironment.of(variables));
  }

  RacerHandler(TunerEnvironment environment) {
    super(environment);
    this.step = new Racer(environment);
  }

  @Override
  protected Object handle(JsonNode event, Context context) throws IOException {
    return step.run(event);
  }
}
