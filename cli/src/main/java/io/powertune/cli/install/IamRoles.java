package io.powertune.cli.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.tuner.TunerFunctions;
import io.powertune.tuner.TunerFunctions.TunerFunction;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * The tuner's roles in IAM (AWS, LocalStack). IAM is global, so the roles of a region's tuner carry
 * the region in their names ({@code powertune-executor-eu-west-1}): tuners of two regions never
 * share (or delete) each other's. A role is created when missing; its trust and inline policy are
 * rewritten when they differ from the current grants, so installing again fixes a role edited by
 * hand and otherwise changes nothing.
 */
public final class IamRoles implements TunerRoles {

  /** The inline policy's name on every role. */
  static final String POLICY = "powertune";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final IamClient iam;
  private final InstallSettings settings;
  private final String partition;
  private final String region;
  private boolean created;
  private boolean changed;

  /**
   * @param partition the partition of {@code region}, e.g. {@code aws}
   * @param region the region the tuner is installed in
   */
  public IamRoles(IamClient iam, InstallSettings settings, String partition, String region) {
    this.iam = iam;
    this.settings = settings;
    this.partition = partition;
    this.region = region;
  }

  /**
   * The roles of the endpoint: IAM's where it serves IAM, else the platform's named ones (the
   * embedded platform answers IAM calls with 404, UnknownOperationException).
   */
  public static TunerRoles detect(
      IamClient iam, InstallSettings settings, String partition, String region) {
    IamRoles roles = new IamRoles(iam, settings, partition, region);
    try {
      iam.getRole(r -> r.roleName(roles.stateMachineRoleName()));
    } catch (NoSuchEntityException e) {
      // IAM answers
    } catch (IamException e) {
      if (e.statusCode() == 404) {
        return new PlatformRoles();
      }
      throw e;
    }
    return roles;
  }

  /** The name of a workflow function's role. */
  public String roleName(TunerFunction function) {
    return function.name() + "-" + region;
  }

  /** The name of the state machine's role. */
  public String stateMachineRoleName() {
    return "powertune-state-machine-" + region;
  }

  @Override
  public String functionRole(TunerFunction function) {
    return ensure(
        roleName(function),
        "lambda.amazonaws.com",
        TunerPolicies.function(function, settings, partition),
        "powertune workflow step " + function.name() + " in " + region);
  }

  @Override
  public String stateMachineRole(Collection<String> functionArns) {
    return ensure(
        stateMachineRoleName(),
        "states.amazonaws.com",
        TunerPolicies.stateMachine(functionArns),
        "powertune state machine in " + region);
  }

  @Override
  public boolean propagating() {
    return created;
  }

  @Override
  public boolean changed() {
    return changed;
  }

  private String ensure(String name, String service, String policy, String description) {
    String trust = TunerPolicies.trust(service);
    Role role;
    try {
      role = iam.getRole(r -> r.roleName(name)).role();
      if (!same(role.assumeRolePolicyDocument(), trust)) {
        iam.updateAssumeRolePolicy(r -> r.roleName(name).policyDocument(trust));
        changed = true;
      }
    } catch (NoSuchEntityException e) {
      role =
          iam.createRole(
                  r -> r.roleName(name).assumeRolePolicyDocument(trust).description(description))
              .role();
      created = true;
      changed = true;
    }
    if (!same(inlinePolicy(name), policy)) {
      iam.putRolePolicy(r -> r.roleName(name).policyName(POLICY).policyDocument(policy));
      changed = true;
    }
    return role.arn();
  }

  private String inlinePolicy(String role) {
    try {
      return iam.getRolePolicy(r -> r.roleName(role).policyName(POLICY)).policyDocument();
    } catch (NoSuchEntityException e) {
      return null;
    }
  }

  /** True when a policy document IAM returned (URL-encoded) says what {@code wanted} says. */
  private static boolean same(String stored, String wanted) {
    if (stored == null) {
      return false;
    }
    try {
      JsonNode a = JSON.readTree(URLDecoder.decode(stored, StandardCharsets.UTF_8));
      return a.equals(JSON.readTree(wanted));
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public List<String> remove() {
    List<String> names = new ArrayList<>();
    for (TunerFunction function : TunerFunctions.ALL) {
      names.add(roleName(function));
    }
    names.add(stateMachineRoleName());
    List<String> removed = new ArrayList<>();
    for (String name : names) {
      try {
        for (String policy : iam.listRolePolicies(r -> r.roleName(name)).policyNames()) {
          iam.deleteRolePolicy(r -> r.roleName(name).policyName(policy));
        }
        iam.listAttachedRolePolicies(r -> r.roleName(name))
            .attachedPolicies()
            .forEach(p -> iam.detachRolePolicy(r -> r.roleName(name).policyArn(p.policyArn())));
        iam.deleteRole(r -> r.roleName(name));
        removed.add("removed role " + name);
      } catch (NoSuchEntityException e) {
        // already gone
      } catch (AwsServiceException e) {
        removed.add("could not remove role " + name + ": " + e.awsErrorDetails().errorMessage());
      }
    }
    return removed;
  }
}
