package io.powertune.platform.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.platform.http.JsonProtocol;
import io.powertune.platform.lambda.model.AliasConfig;
import io.powertune.platform.lambda.model.FunctionConfig;
import io.powertune.platform.lambda.model.FunctionKey;
import io.powertune.platform.lambda.model.FunctionState;
import io.powertune.platform.lambda.model.UpdateStatus;

/** Writes Lambda's response shapes: FunctionConfiguration and AliasConfiguration. */
final class LambdaJson {

  private LambdaJson() {}

  /**
   * A FunctionConfiguration.
   *
   * @param arnQualifier the qualifier the caller used (alias or version), or null for none
   * @param version the version this configuration belongs to
   */
  static ObjectNode configuration(
      FunctionKey key, String version, String arnQualifier, FunctionConfig c) {
    ObjectNode node = JsonProtocol.MAPPER.createObjectNode();
    node.put("FunctionName", key.name())
        .put("FunctionArn", arnQualifier == null ? key.arn() : key.arn(arnQualifier))
        .put("Runtime", c.runtime())
        .put("Role", c.role())
        .put("Handler", c.handler())
        .put("CodeSize", c.codeSize())
        .put("Description", c.description())
        .put("Timeout", c.timeout())
        .put("MemorySize", c.memorySize())
        .put("LastModified", c.lastModified())
        .put("CodeSha256", c.codeSha256())
        .put("Version", version)
        .put("RevisionId", c.revisionId())
        .put("PackageType", "Zip")
        .put("State", c.state().name())
        .put("LastUpdateStatus", c.lastUpdateStatus().name());
    if (c.stateReason() != null && c.state() != FunctionState.Active) {
      node.put("StateReason", c.stateReason()).put("StateReasonCode", c.stateReasonCode());
    }
    if (c.stateReason() != null && c.lastUpdateStatus() != UpdateStatus.Successful) {
      node.put("LastUpdateStatusReason", c.stateReason())
          .put("LastUpdateStatusReasonCode", c.stateReasonCode());
    }
    if (!c.environment().isEmpty()) {
      ObjectNode variables = node.putObject("Environment").putObject("Variables");
      c.environment().forEach(variables::put);
    }
    node.putObject("TracingConfig").put("Mode", "PassThrough");
    node.putArray("Architectures").add(c.architecture());
    node.putObject("EphemeralStorage").put("Size", c.ephemeralStorage());
    node.putObject("SnapStart").put("ApplyOn", "None").put("OptimizationStatus", "Off");
    node.putObject("LoggingConfig").put("LogFormat", c.logFormat()).put("LogGroup", c.logGroup());
    node.putObject("RuntimeVersionConfig")
        .put("RuntimeVersionArn", "arn:aws:lambda:" + key.region() + "::runtime:" + c.runtime());
    return node;
  }

  static ObjectNode alias(FunctionKey key, AliasConfig alias) {
    ObjectNode node = JsonProtocol.MAPPER.createObjectNode();
    node.put("AliasArn", key.arn(alias.name()))
        .put("Name", alias.name())
        .put("FunctionVersion", alias.functionVersion())
        .put("Description", alias.description())
        .put("RevisionId", alias.revisionId());
    if (!alias.additionalVersionWeights().isEmpty()) {
      ObjectNode weights = node.putObject("RoutingConfig").putObject("AdditionalVersionWeights");
      alias.additionalVersionWeights().forEach(weights::put);
    }
    return node;
  }
}
