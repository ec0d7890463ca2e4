package io.powertune.tuner.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.tuner.aws.AwsClients;
import io.powertune.tuner.aws.TargetFunction;
import io.powertune.tuner.input.FunctionArn;

/**
 * The Publisher step, once per configuration: sets $LATEST's memory (and the run's marker as its
 * description), publishes a version and points the configuration's alias at it. After the last one
 * it restores $LATEST's memory and description at once, so $LATEST is changed only while versions
 * are being published.
 */
public final class Publisher {

  private final AwsClients clients;

  public Publisher(AwsClients clients) {
    this.clients = clients;
  }

  public Configurations run(JsonNode state) {
    FunctionArn arn = StateReader.target(state, clients.environment());
    Configurations plan = StateReader.configurations(state);
    if (plan == null || plan.iterator() == null || plan.initConfigurations() == null) {
      throw new IllegalArgumentException(
          "Invalid iterator for initialization: lambdaConfigurations must come from the"
              + " Initializer");
    }
    int index = plan.iterator().index();
    if (index < 0 || index >= plan.initConfigurations().size()) {
      throw new IllegalArgumentException("Invalid iterator index: " + index);
    }
    Configurations.Configuration configuration = plan.initConfigurations().get(index);
    TargetFunction target = new TargetFunction(clients.lambda(arn.region()), arn.unqualified());
    target.update(configuration.powerValue(), configuration.description());
    String version = target.publish();
    target.pointAlias(configuration.alias(), version);
    Configurations next = plan.advanced();
    if (!next.iterator().more()) {
      target.update(plan.original().memorySize(), plan.original().description());
    }
    return next;
  }
}
