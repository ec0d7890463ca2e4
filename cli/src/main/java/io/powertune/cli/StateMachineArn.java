package io.powertune.cli;

import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.analyzer.pricing.Regions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deployed tuner's state machine, as {@code --state-machine-arn} names it.
 *
 * @param arn the ARN
 * @param region its region
 * @param account its account
 */
record StateMachineArn(String arn, String region, String account) {

  /** The account of the platform (and of LocalStack). */
  static final String LOCAL_ACCOUNT = "000000000000";

  private static final Pattern ARN =
      Pattern.compile("arn:aws[a-zA-Z-]*:states:([a-z0-9-]+):(\\d{12}):stateMachine:[\\w-]{1,80}");

  static StateMachineArn parse(String text) {
    Matcher m = ARN.matcher(text.strip());
    if (!m.matches()) {
      throw new InvalidInputException(
          "--state-machine-arn",
          "'"
              + text
              + "' is not a state machine ARN; give one like"
              + " arn:aws:states:us-east-1:123456789012:stateMachine:powertune-...");
    }
    return new StateMachineArn(
        text.strip(), Regions.validate(m.group(1), "--state-machine-arn"), m.group(2));
  }

  /** True when the ARN is of a real account, so the tuner runs on AWS. */
  boolean onAws() {
    return !account.equals(LOCAL_ACCOUNT);
  }
}
