package io.powertune.cli.install;

import io.powertune.statemachine.PowerTuningDefinition;
import io.powertune.tuner.TunerFunctions;
import io.powertune.tuner.TunerFunctions.TunerFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/**
 * Installs the tuner on an endpoint, as infra/template.yaml deploys it: a role, a log group and a
 * java21 function with a {@code live} alias per workflow step, and the {@code powertune} state
 * machine from the one ASL definition, calling the aliases. Whatever is missing is created and
 * whatever is out of date is updated; installing again changes nothing.
 */
public final class TunerInstaller {

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
    Map<String, String> aliases = new LinkedHashMap<>();
    boolean changed = false;
    for (TunerFunction function : TunerFunctions.ALL) {
      String role = roles.functionRole(function);
      changed |= ensureLogGroup(function);
      WorkflowFunctions.Deployed deployed = functions.ensure(function, role, roles.propagating());
      aliases.put(function.placeholder(), deployed.aliasArn());
      changed |= deployed.changed();
    }
    List<String> unqualified = TunerFunctions.ALL.stream().map(f -> functions.arn(f)).toList();
    String role = roles.stateMachineRole(unqualified);
    String definition = PowerTuningDefinition.substitute(aliases);
    StateMachineResult machine = ensureStateMachine(definition, role);
    return new Installation(machine.arn(), aliases, changed || machine.changed());
  }

  /** Removes the state machine, the functions, their log groups and roles; returns what existed. */
  public List<String> uninstall() {
    List<String> removed = new ArrayList<>();
    existingStateMachine()
        .ifPresent(
            m -> {
              sfn.deleteStateMachine(r -> r.stateMachineArn(m.stateMachineArn()));
              removed.add("state machine " + m.name());
            });
    for (TunerFunction function : TunerFunctions.ALL) {
      try {
        lambda.deleteFunction(r -> r.functionName(function.name()));
        removed.add("function " + function.name());
      } catch (ResourceNotFoundException e) {
        // not installed
      }
      try {
        logs.deleteLogGroup(r -> r.logGroupName(logGroup(function)));
        removed.add("log group " + logGroup(function));
      } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException e) {
        // none
      }
    }
    roles.remove().forEach(name -> removed.add("role " + name));
    return removed;
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
      String arn =
          Propagation.retry(
              roles.propagating(),
              () ->
                  sfn.createStateMachine(
                          r ->
                              r.name(TunerFunctions.STATE_MACHINE)
                                  .definition(definition)
                                  .roleArn(role))
                      .stateMachineArn());
      return new StateMachineResult(arn, true);
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

  private Optional<StateMachineListItem> existingStateMachine() {
    return sfn.listStateMachinesPaginator(r -> r.maxResults(100)).stateMachines().stream()
        .filter(m -> m.name().equals(TunerFunctions.STATE_MACHINE))
        .findFirst();
  }
}
