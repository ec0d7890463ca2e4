package io.powertune.tuner.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.tuner.aws.TunerEnvironment;
import io.powertune.tuner.steps.Publisher;
import java.util.Map;

/** The Publisher step's handler. */
public final class PublisherHandler extends StepHandler {

  private final Publisher step = new Publisher(clients);

  /** On Lambda: the environment of this process. */
  public PublisherHandler() {
    this(TunerEnvironment.fromSystem());
  }

  /** In the platform's JVM: the variables the platform gives the function. */
  public PublisherHandler(Map<String, String> variables) {
    this(TunerEnvironment.of(variables));
  }

  PublisherHandler(TunerEnvironment environment) {
    super(environment);
  }

  @Override
  protected Object handle(JsonNode event, Context context) {
    return step.run(event);
  }
}
