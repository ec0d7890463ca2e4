package io.powertune.platform.lambda.model;

/**
 * A function's identity: its account, region and name.
 *
 * @param account the 12-digit account id
 * @param region the region
 * @param name the function name
 */
public record FunctionKey(String account, String region, String name) {

  /** The unqualified function ARN. */
  public String arn() {
    return "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
  }

  /** The ARN with a version or alias qualifier. */
  public String arn(String qualifier) {
    return arn() + ":" + qualifier;
  }
}
