package io.powertune.tuner.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.tuner.aws.TunerEnvironment;
import io.powertune.tuner.steps.Cleaner;
import java.util.Map;

/** The Cleaner step's handler. */
public final class CleanerHandler extends StepHandler {

  private final Cleaner step = new Cleaner(clients);

  /** On Lambda: the environment of this process. */
  public CleanerHandler() {
    this(TunerEnvironment.fromSystem());
  }

  /** In the platform's JVM: the variables the platform gives the function. */
  public CleanerHandler(Map<String, String> variables) {
    this(TunerEnvironment.of(variables));
  }

  CleanerHandler(TunerEnvironment environment) {
    super(environment);
  }

  @Override
  protected Object handle(JsonNode event, Context context) {
    return step.run(event);
  }
}
