package io.powertune.tuner.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.tuner.aws.TunerEnvironment;
import io.powertune.tuner.steps.Initializer;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/** The Initializer step's handler. */
public final class InitializerHandler extends StepHandler {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Initializer step =
      new Initializer(
          clients,
          () -> {
            byte[] id = new byte[6];
            RANDOM.nextBytes(id);
            return HexFormat.of().formatHex(id);
          });

  /** On Lambda: the environment of this process. */
  public InitializerHandler() {
    this(TunerEnvironment.fromSystem());
  }

  /** In the platform's JVM: the variables the platform gives the function. */
  public InitializerHandler(Map<String, String> variables) {
    this(TunerEnvironment.of(variables));
  }

  InitializerHandler(TunerEnvironment environment) {
    super(environment);
  }

  @Override
  protected Object handle(JsonNode event, Context context) {
    return step.run(event);
  }
}
