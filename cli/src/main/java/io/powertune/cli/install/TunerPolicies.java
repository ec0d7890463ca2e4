package io.powertune.cli.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.tuner.TunerFunctions.TunerFunction;
import java.util.Collection;

/**
 * The IAM policy documents of an installed tuner, the same grants as infra/template.yaml's roles:
 * each function exactly the Lambda actions its step calls, on the Lambda resource pattern; its own
 * log group; the payload bucket for the steps that read payloadS3.
 */
final class TunerPolicies {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VERSION = "2012-10-17";

  private TunerPolicies() {}

  /** Who may assume the role: {@code lambda.amazonaws.com} or {@code states.amazonaws.com}. */
  static String trust(String service) {
    ObjectNode policy = JSON.createObjectNode().put("Version", VERSION);
    ObjectNode statement = policy.putArray("Statement").addObject();
    statement.put("Effect", "Allow").put("Action", "sts:AssumeRole");
    statement.putObject("Principal").put("Service", service);
    return policy.toString();
  }

  /**
   * A workflow function's grants.
   *
   * @param partition e.g. {@code aws}
   */
  static String function(TunerFunction function, InstallSettings settings, String partition) {
    String logGroupArn =
        "arn:" + partition + ":logs:*:*:log-group:" + TunerInstaller.logGroup(function);
    ObjectNode policy = JSON.createObjectNode().put("Version", VERSION);
    ArrayNode statements = policy.putArray("Statement");
    if (!function.lambdaActions().isEmpty()) {
      ObjectNode lambda = statements.addObject().put("Effect", "Allow");
      ArrayNode actions = lambda.putArray("Action");
      function.lambdaActions().stream().sorted().forEach(actions::add);
      lambda.put("Resource", settings.lambdaResource());
    }
    ObjectNode logs = statements.addObject().put("Effect", "Allow");
    logs.putArray("Action").add("logs:CreateLogStream").add("logs:PutLogEvents");
    logs.put("Resource", logGroupArn + ":*");
    if (function.readsPayloadS3() && !settings.payloadS3Bucket().isEmpty()) {
      String bucket = "arn:" + partition + ":s3:::" + settings.payloadS3Bucket();
      statements
          .addObject()
          .put("Effect", "Allow")
          .put("Action", "s3:GetObject")
          .put("Resource", bucket + "/" + settings.payloadS3Key());
      statements
          .addObject()
          .put("Effect", "Allow")
          .put("Action", "s3:ListBucket")
          .put("Resource", bucket);
    }
    return policy.toString();
  }

  /** The state machine's grant: invoking the workflow functions (their aliases included). */
  static String stateMachine(Collection<String> functionArns) {
    ObjectNode policy = JSON.createObjectNode().put("Version", VERSION);
    ObjectNode statement = policy.putArray("Statement").addObject();
    statement.put("Effect", "Allow").put("Action", "lambda:InvokeFunction");
    ArrayNode resources = statement.putArray("Resource");
    for (String arn : functionArns) {
      resources.add(arn).add(arn + ":*");
    }
    return policy.toString();
  }
}
