package io.powertune.statemachine.states;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Task resources that call Lambda: a function ARN ({@code
 * arn:aws:lambda:<region>:<account>:function:<name>[:qualifier]}) and the optimized integration
 * {@code arn:aws:states:::lambda:invoke}.
 */
public final class LambdaResources {

  public static final String INVOKE = "arn:aws:states:::lambda:invoke";

  private static final Pattern ARN =
      Pattern.compile("arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\\d{12}):function:([^:]+)(:[^:]+)?");

  private LambdaResources() {}

  public static boolean supported(String resource) {
    return INVOKE.equals(resource) || isFunctionArn(resource);
  }

  public static boolean isFunctionArn(String text) {
    return ARN.matcher(text).matches();
  }

  /** The region named in a function ARN, or {@code fallback} for a bare name. */
  public static String region(String function, String fallback) {
    Matcher m = ARN.matcher(function);
    return m.matches() ? m.group(1) : fallback;
  }
}
