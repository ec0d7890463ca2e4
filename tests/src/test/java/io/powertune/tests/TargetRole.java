package io.powertune.tests;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** The execution role of the functions the suite tunes, where IAM is served. */
final class TargetRole {

  static final String NAME = "powertune-e2e-target";

  private static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  private TargetRole() {}

  /** Creates the role when missing (with the basic execution policy); returns its ARN. */
  static String ensure(IamClient iam) {
    try {
      return iam.getRole(r -> r.roleName(NAME)).role().arn();
    } catch (NoSuchEntityException e) {
      String arn =
          iam.createRole(r -> r.roleName(NAME).assumeRolePolicyDocument(TRUST)).role().arn();
      iam.attachRolePolicy(
          r ->
              r.roleName(NAME)
                  .policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
      return arn;
    }
  }

  /** Deletes the role. */
  static void remove(IamClient iam) {
    try {
      iam.listAttachedRolePolicies(r -> r.roleName(NAME))
          .attachedPolicies()
          .forEach(p -> iam.detachRolePolicy(r -> r.roleName(NAME).policyArn(p.policyArn())));
      iam.deleteRole(r -> r.roleName(NAME));
    } catch (NoSuchEntityException e) {
      // gone
    }
  }
}
