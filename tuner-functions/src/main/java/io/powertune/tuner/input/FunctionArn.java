package io.powertune.tuner.input;

import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.analyzer.pricing.Regions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lambda function as the execution input names it: a full ARN, a partial ARN ({@code
 * 123456789012:function:name}) or a bare name, each optionally qualified with an alias or version.
 *
 * @param name the function's name
 * @param region its region: the ARN's, or the tuner's for a name
 * @param unqualified what the Lambda API is given as FunctionName: the unqualified ARN, or the name
 * @param qualifier the alias or version; null for $LATEST
 */
public record FunctionArn(String name, String region, String unqualified, String qualifier) {

  private static final String NAME = "([a-zA-Z0-9_-]{1,64})";
  private static final String QUALIFIER = "(?::(\\$LATEST|[a-zA-Z0-9_-]{1,128}))?";
  private static final Pattern FULL =
      Pattern.compile(
          "(arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):\\d{12}:function:" + NAME + ")" + QUALIFIER);
  private static final Pattern PARTIAL =
      Pattern.compile("(\\d{12}:function:" + NAME + ")" + QUALIFIER);
  private static final Pattern BARE = Pattern.compile(NAME + QUALIFIER);

  /**
   * Reads a function reference.
   *
   * @param defaultRegion the region of functions named without an ARN (the tuner's own)
   * @throws InvalidInputException naming {@code field} when it is none of the accepted forms
   */
  public static FunctionArn parse(String text, String field, String defaultRegion) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(
          field, "missing or empty; give the function's ARN (or its name)");
    }
    String value = text.strip();
    Matcher full = FULL.matcher(value);
    if (full.matches()) {
      Regions.validate(full.group(2), field);
      return new FunctionArn(full.group(3), full.group(2), full.group(1), qualifier(full.group(4)));
    }
    Matcher partial = PARTIAL.matcher(value);
    if (partial.matches()) {
      return new FunctionArn(
          partial.group(2), defaultRegion, partial.group(1), qualifier(partial.group(3)));
    }
    Matcher bare = BARE.matcher(value);
    if (bare.matches()) {
      return new FunctionArn(bare.group(1), defaultRegion, bare.group(1), qualifier(bare.group(2)));
    }
    throw new InvalidInputException(
        field,
        "'"
            + value
            + "' is not a Lambda function ARN or name; give one like"
            + " arn:aws:lambda:us-east-1:123456789012:function:my-function (optionally with"
            + " :alias or :version)");
  }

  private static String qualifier(String qualifier) {
    return qualifier == null || qualifier.equals("$LATEST") ? null : qualifier;
  }

  /** True when the input named an alias or version. */
  public boolean qualified() {
    return qualifier != null;
  }

  /** The reference as the user wrote it, qualifier included. */
  public String display() {
    return qualifier == null ? unqualified : unqualified + ":" + qualifier;
  }
}
