package io.powertune.platform.sfn;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** State machine and execution ARNs, and the names they are made of. */
final class SfnArns {

  private static final Pattern STATE_MACHINE =
      Pattern.compile("arn:aws[a-zA-Z-]*:states:([a-z0-9-]+):(\\d{12}):stateMachine:([^:]+)");
  private static final Pattern EXECUTION =
      Pattern.compile("arn:aws[a-zA-Z-]*:states:([a-z0-9-]+):(\\d{12}):execution:([^:]+):([^:]+)");
  private static final Pattern NAME =
      Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]{1,80}");

  private SfnArns() {}

  static String stateMachine(String region, String account, String name) {
    return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + name;
  }

  static String execution(String stateMachineArn, String name) {
    Matcher m = STATE_MACHINE.matcher(stateMachineArn);
    if (!m.matches()) {
      throw SfnErrors.invalidArn(stateMachineArn);
    }
    return "arn:aws:states:"
        + m.group(1)
        + ":"
        + m.group(2)
        + ":execution:"
        + m.group(3)
        + ":"
        + name;
  }

  /** Checks a state machine ARN; throws InvalidArn. */
  static String checkStateMachine(String arn) {
    if (arn == null || arn.isEmpty()) {
      throw SfnErrors.missing("stateMachineArn");
    }
    if (!STATE_MACHINE.matcher(arn).matches()) {
      throw SfnErrors.invalidArn(arn);
    }
    return arn;
  }

  /** Checks an execution ARN; throws InvalidArn. */
  static String checkExecution(String arn) {
    if (arn == null || arn.isEmpty()) {
      throw SfnErrors.missing("executionArn");
    }
    if (!EXECUTION.matcher(arn).matches()) {
      throw SfnErrors.invalidArn(arn);
    }
    return arn;
  }

  /** The account of a state machine or execution ARN. */
  static String account(String arn) {
    return arn.split(":")[4];
  }

  /** Checks a state machine or execution name; throws InvalidName. */
  static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw SfnErrors.invalidName(String.valueOf(name));
    }
    return name;
  }
}
