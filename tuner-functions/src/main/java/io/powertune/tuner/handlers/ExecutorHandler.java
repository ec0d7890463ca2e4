package io.powertune.tuner.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.tuner.aws.TunerEnvironment;
import io.powertune.tuner.execute.Sleeper;
import io.powertune.tuner.steps.Executor;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/** The Executor step's handler. */
public final class ExecutorHandler extends StepHandler {

  private final Executor step = new Executor(clients, Clock.systemUTC(), Sleeper.REAL);

  /** On Lambda: the environment of this process. */
  public ExecutorHandler() {
    this(TunerEnvironment.fromSystem());
  }

  /** In the platform's JVM: the variables the platform gives the function. */
  public ExecutorHandler(Map<String, String> variables) {
    this(TunerEnvironment.of(variables));
  }

  ExecutorHandler(TunerEnvironment environment) {
    super(environment);
  }

  @Override
  protected Object handle(JsonNode event, Context context)
      throws IOException, InterruptedException {
    return step.run(event, context.getRemainingTimeInMillis());
  }
}
