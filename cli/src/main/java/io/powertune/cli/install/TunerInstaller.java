package io.powertune.cli.install;

import io.powertune.statemachine.PowerTuningDefinition;
import io.powertune.tuner.TunerFunctions;
import io.powertune.tuner.TunerFunctions.TunerFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineDeletingException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/**
 * Installs the tuner on an endpoint, as infra/template.yaml deploys it: a role, a log group and a
 * java21 function with a {@code live} alias per workflow step, and the {@code powertune} state
 * machine from the one ASL definition, calling the aliases. Whatever is missing is created and
 * whatever is out of date is updated; installing again changes nothing.
 */
public final class TunerInstaller {

  private static final Duration DELETING_WAIT = Duration.ofSeconds(90);

  private final LambdaClient lambda;
  private final SfnClient sfn;
  private final CloudWatchLogsClient logs;
  private final TunerRoles roles;
  private final WorkflowFunctions functions;
  private final InstallSettings settings;

  public TunerInstaller(
      LambdaClient lambda,
      SfnClient sfn,
      CloudWatchLogsClient logs,
      TunerRoles roles,
      TunerPackage tunerPackage,
      InstallSettings settings) {
    this.lambda = lambda;
    this.sfn = sfn;
    this.logs = logs;
    this.roles = roles;
    this.settings = settings;
    this.functions = new WorkflowFunctions(lambda, tunerPackage, settings);
  }

  /** The log group of a workflow function. */
  public static String logGroup(TunerFunction function) {
    return "/aws/lambda/" + function.name();
  }

  /** Installs what is missing or out of date. */
  public Installation install() {
    boolean changed = false;
    List<WorkflowFunctions.Prepared> prepared = new ArrayList<>();
    for (TunerFunction function : TunerFunctions.ALL) {
      String role = roles.functionRole(function);
      changed |= ensureLogGroup(function);
      prepared.add(functions.prepare(function, role, roles.propagating()));
    }
    // every version is published before any is waited for: their snapshots are taken together
    Map<TunerFunction, String> versions = new LinkedHashMap<>();
    for (WorkflowFunctions.Prepared p : prepared) {
      if (p.publish()) {
        versions.put(p.function(), functions.publish(p.function()));
      }
    }
    Map<String, String> aliases = new LinkedHashMap<>();
    for (WorkflowFunctions.Prepared p : prepared) {
      String version = versions.get(p.function());
      aliases.put(
          p.function().placeholder(), version == null ? p.aliasArn() : functions.point(p, version));
      changed |= p.changed() || version != null;
    }
    List<String> unqualified = TunerFunctions.ALL.stream().map(functions::arn).toList();
    String role = roles.stateMachineRole(unqualified);
    String definition = PowerTuningDefinition.substitute(aliases);
    StateMachineResult machine = ensureStateMachine(definition, role);
    return new Installation(
        machine.arn(), aliases, changed || machine.changed() || roles.changed());
  }

  /**
   * Removes the state machine, the functions, their log groups and roles, each on its own: one that
   * cannot be removed is reported and the others still are.
   *
   * @return a line per thing removed, or that could not be and why
   */
  public List<String> uninstall() {
    List<String> lines = new ArrayList<>();
    try {
      existingStateMachine()
          .ifPresent(
              m -> {
                sfn.deleteStateMachine(r -> r.stateMachineArn(m.stateMachineArn()));
                lines.add("removed state machine " + m.name());
              });
    } catch (AwsServiceException e) {
      lines.add("could not remove the state machine: " + e.awsErrorDetails().errorMessage());
    }
    for (TunerFunction function : TunerFunctions.ALL) {
      try {
        lambda.deleteFunction(r -> r.functionName(function.name()));
        lines.add("removed function " + function.name());
      } catch (ResourceNotFoundException e) {
        // not installed
      } catch (AwsServiceException e) {
        lines.add(
            "could not remove function "
                + function.name()
                + ": "
                + e.awsErrorDetails().errorMessage());
      }
      try {
        logs.deleteLogGroup(r -> r.logGroupName(logGroup(function)));
        lines.add("removed log group " + logGroup(function));
      } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException e) {
        // none
      } catch (AwsServiceException e) {
        lines.add(
            "could not remove log group "
                + logGroup(function)
                + ": "
                + e.awsErrorDetails().errorMessage());
      }
    }
    lines.addAll(roles.remove());
    return lines;
  }

  private boolean ensureLogGroup(TunerFunction function) {
    boolean created;
    try {
      logs.createLogGroup(r -> r.logGroupName(logGroup(function)));
      created = true;
    } catch (ResourceAlreadyExistsException e) {
      created = false;
    }
    logs.putRetentionPolicy(
        r -> r.logGroupName(logGroup(function)).retentionInDays(settings.logRetentionDays()));
    return created;
  }

  private record StateMachineResult(String arn, boolean changed) {}

  private StateMachineResult ensureStateMachine(String definition, String role) {
    Optional<StateMachineListItem> existing = existingStateMachine();
    if (existing.isEmpty()) {
      return new StateMachineResult(create(definition, role), true);
    }
    String arn = existing.get().stateMachineArn();
    var current = sfn.describeStateMachine(r -> r.stateMachineArn(arn));
    if (definition.equals(current.definition()) && role.equals(current.roleArn())) {
      return new StateMachineResult(arn, false);
    }
    Propagation.retry(
        roles.propagating(),
        () ->
            sfn.updateStateMachine(
                r -> r.stateMachineArn(arn).definition(definition).roleArn(role)));
    return new StateMachineResult(arn, true);
  }

  /**
   * Creates the state machine; one still being deleted (an uninstall just before) is waited for.
   */
  private String create(String definition, String role) {
    long deadline = System.nanoTime() + DELETING_WAIT.toNanos();
    while (true) {
      try {
        return Propagation.retry(
            roles.propagating(),
            () ->
                sfn.createStateMachine(
                        r ->
                            r.name(TunerFunctions.STATE_MACHINE)
                                .definition(definition)
                                .roleArn(role))
                    .stateMachineArn());
      } catch (StateMachineDeletingException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Propagation.pause();
      }
    }
  }

  private Optional<StateMachineListItem> existingStateMachine() {
    return sfn.listStateMachinesPaginator(r -> r.maxResults(100)).stateMachines().stream()
        .filter(m -> m.name().equals(TunerFunctions.STATE_MACHINE))
        .findFirst();
  }
}
