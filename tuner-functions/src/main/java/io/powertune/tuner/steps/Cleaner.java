package io.powertune.tuner.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.tuner.aws.AwsClients;
import io.powertune.tuner.aws.TargetFunction;
import io.powertune.tuner.input.Aliases;
import io.powertune.tuner.input.FunctionArn;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;

/**
 * The Cleaner step, after the measurements and on every error path: deletes every alias and every
 * version this run created (the versions are found by the run's marker, so a version published
 * before an alias could point at it goes too, and no version of the user's ever does), and puts
 * $LATEST's memory and description back if they are not as they were.
 */
public final class Cleaner {

  private final AwsClients clients;

  public Cleaner(AwsClients clients) {
    this.clients = clients;
  }

  public String run(JsonNode state) {
    Configurations plan = StateReader.configurations(state);
    if (plan == null || plan.runId() == null) {
      return "OK"; // the Initializer did not finish: nothing was created
    }
    FunctionArn arn = StateReader.target(state, clients.environment());
    TargetFunction target = new TargetFunction(clients.lambda(arn.region()), arn.unqualified());
    int versionsPerSize =
        plan.iterator() == null
            ? 1
            : Math.max(1, plan.iterator().count() / Math.max(1, plan.powerValues().size()));
    for (int memory : plan.powerValues()) {
      for (int i = 0; i < versionsPerSize; i++) {
        target.deleteAlias(versionsPerSize > 1 ? Aliases.coldStart(memory, i) : Aliases.of(memory));
      }
    }
    for (FunctionConfiguration version : target.versions()) {
      if (RunMarker.ofRun(version.description(), plan.runId())) {
        target.deleteVersion(version.version());
      }
    }
    restore(target, plan.original());
    return "OK";
  }

  private static void restore(TargetFunction target, Configurations.Original original) {
    GetFunctionConfigurationResponse latest = target.configuration(null);
    String description = latest.description() == null ? "" : latest.description();
    if (latest.memorySize() != original.memorySize()
        || !description.equals(original.description())) {
      target.update(original.memorySize(), original.description());
    }
  }
}
