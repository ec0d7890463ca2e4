package io.powertune.cli.install;

import io.powertune.tuner.TunerFunctions;
import io.powertune.tuner.TunerFunctions.TunerFunction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * The tuner's roles in IAM (AWS, LocalStack): created when missing, their trust and inline policy
 * rewritten to the current grants otherwise, so installing again fixes a role edited by hand.
 */
public final class IamRoles implements TunerRoles {

  /** The inline policy's name on every role. */
  static final String POLICY = "powertune";

  private final IamClient iam;
  private final InstallSettings settings;
  private final String partition;
  private boolean created;

  /**
   * @param partition the partition of the region the tuner is installed in, e.g. {@code aws}
   */
  public IamRoles(IamClient iam, InstallSettings settings, String partition) {
    this.iam = iam;
    this.settings = settings;
    this.partition = partition;
  }

  /**
   * The roles of the endpoint: IAM's where it serves IAM, else the platform's named ones (the
   * embedded platform answers IAM calls with UnknownOperationException).
   */
  public static TunerRoles detect(IamClient iam, InstallSettings settings, String partition) {
    try {
      iam.getRole(r -> r.roleName(STATE_MACHINE_ROLE));
    } catch (NoSuchEntityException e) {
      // IAM answers
    } catch (IamException e) {
      if (e.statusCode() == 404) { // no IAM here: the platform's unknown-operation answer
        return new PlatformRoles();
      }
      throw e;
    }
    return new IamRoles(iam, settings, partition);
  }

  @Override
  public String functionRole(TunerFunction function) {
    return ensure(
        TunerRoles.roleName(function),
        "lambda.amazonaws.com",
        TunerPolicies.function(function, settings, partition),
        "powertune workflow step " + function.name());
  }

  @Override
  public String stateMachineRole(Collection<String> functionArns) {
    return ensure(
        STATE_MACHINE_ROLE,
        "states.amazonaws.com",
        TunerPolicies.stateMachine(functionArns),
        "powertune state machine");
  }

  @Override
  public boolean propagating() {
    return created;
  }

  private String ensure(String name, String service, String policy, String description) {
    String trust = TunerPolicies.trust(service);
    Role role;
    try {
      role = iam.getRole(r -> r.roleName(name)).role();
      iam.updateAssumeRolePolicy(r -> r.roleName(name).policyDocument(trust));
    } catch (NoSuchEntityException e) {
      role =
          iam.createRole(
                  r -> r.roleName(name).assumeRolePolicyDocument(trust).description(description))
              .role();
      created = true;
    }
    iam.putRolePolicy(r -> r.roleName(name).policyName(POLICY).policyDocument(policy));
    return role.arn();
  }

  @Override
  public List<String> remove() {
    List<String> names = new ArrayList<>();
    for (TunerFunction function : TunerFunctions.ALL) {
      names.add(TunerRoles.roleName(function));
    }
    names.add(STATE_MACHINE_ROLE);
    List<String> removed = new ArrayList<>();
    for (String name : names) {
      try {
        for (String policy : iam.listRolePolicies(r -> r.roleName(name)).policyNames()) {
          iam.deleteRolePolicy(r -> r.roleName(name).policyName(policy));
        }
        iam.deleteRole(r -> r.roleName(name));
        removed.add(name);
      } catch (NoSuchEntityException e) {
        // already gone
      }
    }
    return removed;
  }
}
