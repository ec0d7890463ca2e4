package io.powertune.platform.lambda.model;

import io.powertune.platform.lambda.errors.InvalidParameterValueException;
import io.powertune.platform.lambda.errors.ResourceNotFoundException;
import io.powertune.platform.lambda.errors.Validation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code FunctionName} as the API accepts it (name, {@code name:qualifier}, partial or full ARN)
 * together with the {@code Qualifier} parameter, resolved against the request's account and region.
 *
 * @param key the function
 * @param qualifier the version or alias, or null for none
 */
public record FunctionRef(FunctionKey key, String qualifier) {

  private static final Pattern FORMS =
      Pattern.compile(
          "^(?:arn:aws[a-zA-Z-]*:lambda:(?<region>[a-z]{2}(?:-gov)?-[a-z]+-\\d{1}):)?"
              + "(?:(?<account>\\d{12}):)?(?:function:)?(?<name>[a-zA-Z0-9-_]+)"
              + "(?::(?<qualifier>\\$LATEST|[a-zA-Z0-9-_]+))?$");
  private static final Pattern QUALIFIER = Pattern.compile("\\$LATEST|[a-zA-Z0-9-_]{1,128}");

  /** The function without a qualifier. */
  public static FunctionRef unqualified(FunctionKey key) {
    return new FunctionRef(key, null);
  }

  /**
   * Resolves a function name.
   *
   * @throws ResourceNotFoundException for an ARN of another region, as AWS answers
   * @throws InvalidParameterValueException when the ARN's qualifier and {@code Qualifier} differ
   */
  public static FunctionRef parse(
      String functionName, String qualifierParam, String region, String account) {
    Matcher m = FORMS.matcher(functionName == null ? "" : functionName);
    if (!m.matches() || m.group("name").length() > 64 && m.group("region") == null) {
      throw Validation.pattern(
          "functionName",
          functionName,
          "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?"
              + "([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
    }
    String arnRegion = m.group("region");
    if (arnRegion != null && !arnRegion.equals(region)) {
      throw new ResourceNotFoundException(
          "Functions from '" + arnRegion + "' are not reachable in this region ('" + region + "')");
    }
    String arnAccount = m.group("account") == null ? account : m.group("account");
    String qualifier = m.group("qualifier");
    if (qualifierParam != null) {
      if (!QUALIFIER.matcher(qualifierParam).matches()) {
        throw Validation.pattern("qualifier", qualifierParam, "(|[a-zA-Z0-9$_-]+)");
      }
      if (qualifier != null && !qualifier.equals(qualifierParam)) {
        throw new InvalidParameterValueException(
            "The derived qualifier from the function name does not match the specified qualifier.");
      }
      qualifier = qualifierParam;
    }
    return new FunctionRef(new FunctionKey(arnAccount, region, m.group("name")), qualifier);
  }

  /** The ARN as Lambda's messages print it: qualified when a qualifier was given. */
  public String arn() {
    return qualifier == null ? key.arn() : key.arn(qualifier);
  }
}
