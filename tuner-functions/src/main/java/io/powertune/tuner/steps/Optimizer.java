package io.powertune.tuner.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.analyzer.JsonFields;
import io.powertune.tuner.aws.AwsClients;
import io.powertune.tuner.aws.TargetFunction;
import io.powertune.tuner.input.FunctionArn;
import io.powertune.tuner.input.TuningInput;
import io.powertune.tuner.input.TuningInputReader;

/**
 * The Optimizer step: with {@code autoOptimize}, applies the chosen size to $LATEST, and with
 * {@code autoOptimizeAlias} also publishes it as a version and points that alias at it.
 */
public final class Optimizer {

  private final AwsClients clients;

  public Optimizer(AwsClients clients) {
    this.clients = clients;
  }

  /** Returns what it did, in words (for the execution history). */
  public String run(JsonNode state) {
    TuningInput input =
        TuningInputReader.read(
            state, clients.environment().defaultPowerValues(), clients.environment().region());
    if (input.dryRun() || !input.autoOptimize()) {
      return "nothing to do";
    }
    JsonNode power = state.path("analysis").get("power");
    if (JsonFields.isAbsent(power) || !power.canConvertToInt() || power.asInt() <= 0) {
      throw new IllegalArgumentException("Missing or empty optimal value: analysis.power");
    }
    FunctionArn arn = input.target();
    TargetFunction target = new TargetFunction(clients.lambda(arn.region()), arn.unqualified());
    String description = target.configuration(null).description();
    target.update(power.asInt(), description == null ? "" : description);
    if (input.autoOptimizeAlias() == null) {
      return "$LATEST set to " + power.asInt() + " MB";
    }
    String version = target.publish();
    target.pointAlias(input.autoOptimizeAlias(), version);
    return input.autoOptimizeAlias()
        + " points at version "
        + version
        + " ("
        + power.asInt()
        + " MB)";
  }
}
