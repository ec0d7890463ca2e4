package io.powertune.tuner.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.tuner.aws.AwsClients;
import io.powertune.tuner.aws.S3Payloads;
import io.powertune.tuner.aws.TargetFunction;
import io.powertune.tuner.input.Aliases;
import io.powertune.tuner.input.FunctionArn;
import io.powertune.tuner.input.Payloads;
import io.powertune.tuner.input.TuningInput;
import io.powertune.tuner.input.TuningInputReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The Initializer step: validates the whole input and the function before anything is published or
 * invoked, and plans the versions to publish.
 */
public final class Initializer {

  private final AwsClients clients;
  private final Supplier<String> runIds;

  /**
   * @param runIds makes a new run id
   */
  public Initializer(AwsClients clients, Supplier<String> runIds) {
    this.clients = clients;
    this.runIds = runIds;
  }

  public Configurations run(JsonNode state) {
    TuningInput input =
        TuningInputReader.read(
            state, clients.environment().defaultPowerValues(), clients.environment().region());
    FunctionArn arn = input.target();
    TargetFunction target = new TargetFunction(clients.lambda(arn.region()), arn.unqualified());
    GetFunctionConfigurationResponse latest = configuration(target, null, "lambdaARN", arn);
    int current = latest.memorySize();
    if (arn.qualified()) {
      GetFunctionConfigurationResponse named =
          configuration(target, arn.qualifier(), "lambdaARN", arn);
      Optional<String> difference = VersionDifference.between(named, latest);
      if (difference.isPresent()) {
        throw new InvalidInputException(
            "lambdaARN",
            arn.qualifier()
                + " runs version "
                + named.version()
                + ", whose "
                + difference.get()
                + " differs from $LATEST's; a tuning publishes versions of $LATEST, so make"
                + " $LATEST run that version the same way first, or tune the unqualified function");
      }
      current = named.memorySize();
    }
    if (latest.lastUpdateStatus() == LastUpdateStatus.IN_PROGRESS) {
      target.waitUntilUpdated();
    }
    checkProcessor(input.preProcessor(), "preProcessorARN");
    checkProcessor(input.postProcessor(), "postProcessorARN");
    if (input.payloadS3() != null) {
      Payloads.generate(S3Payloads.fetch(clients, input.payloadS3()), input.num(), "payloadS3");
    }
    refuseForeignAliases(target);
    String runId = runIds.get();
    return new Configurations(
        plan(input, runId),
        new Configurations.Iterator(0, planned(input), true),
        input.powerValues(),
        runId,
        new Configurations.Original(
            latest.memorySize(), latest.description() == null ? "" : latest.description(), current),
        input.concurrentSizes() != null
            ? input.concurrentSizes()
            : clients.environment().concurrentSizes(),
        input.adaptive() ? true : null);
  }

  private static int planned(TuningInput input) {
    return input.powerValues().size() * (input.onlyColdStarts() ? input.num() : 1);
  }

  private static List<Configurations.Configuration> plan(TuningInput input, String runId) {
    List<Configurations.Configuration> plan = new ArrayList<>();
    for (int memory : input.powerValues()) {
      int versions = input.onlyColdStarts() ? input.num() : 1;
      for (int i = 0; i < versions; i++) {
        String alias = input.alias(memory, i);
        plan.add(
            new Configurations.Configuration(memory, alias, RunMarker.description(runId, alias)));
      }
    }
    return plan;
  }

  private static GetFunctionConfigurationResponse configuration(
      TargetFunction target, String qualifier, String field, FunctionArn arn) {
    try {
      return target.configuration(qualifier);
    } catch (ResourceNotFoundException e) {
      throw new InvalidInputException(
          field,
          "no function "
              + arn.display()
              + " in "
              + arn.region()
              + " ("
              + e.awsErrorDetails().errorMessage()
              + "); check the name, account and region");
    }
  }

  private void checkProcessor(FunctionArn processor, String field) {
    if (processor != null) {
      configuration(
          new TargetFunction(clients.lambda(processor.region()), processor.unqualified()),
          processor.qualifier(),
          field,
          processor);
    }
  }

  /**
   * A tuning creates aliases named RAM&lt;size&gt; and deletes them at its end: an alias of that
   * name that points at a version no tuning published is the user's, and the run stops before
   * touching it.
   */
  private static void refuseForeignAliases(TargetFunction target) {
    for (AliasConfiguration alias : target.aliases()) {
      if (!Aliases.isTuningAlias(alias.name())) {
        continue;
      }
      String description = target.configuration(alias.functionVersion()).description();
      if (!RunMarker.ofAnyRun(description)) {
        throw new InvalidInputException(
            "lambdaARN",
            "the function has an alias "
                + alias.name()
                + " (version "
                + alias.functionVersion()
                + ") that no tuning created; a tuning creates and deletes aliases named"
                + " RAM<size>, so rename or delete that alias first");
      }
    }
  }
}
