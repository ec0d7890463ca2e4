package io.powertune.platform.lambda.errors;

/** Builds errors in the wording of the Lambda API's model validation. */
public final class Validation {

  private Validation() {}

  public static ValidationException atLeast(String member, Object value, long min) {
    return failed(member, value, "Member must have value greater than or equal to " + min);
  }

  public static ValidationException atMost(String member, String value, int maxLength) {
    return failed(member, value, "Member must have length less than or equal to " + maxLength);
  }

  public static ValidationException pattern(String member, Object value, String pattern) {
    return failed(member, value, "Member must satisfy regular expression pattern: " + pattern);
  }

  public static ValidationException enumValue(String member, Object value, String values) {
    return failed(member, value, "Member must satisfy enum value set: [" + values + "]");
  }

  public static ValidationException missing(String member) {
    return new ValidationException(
        "1 validation error detected: Value null at '"
            + member
            + "' failed to satisfy constraint: Member must not be null");
  }

  private static ValidationException failed(String member, Object value, String constraint) {
    return new ValidationException(
        "1 validation error detected: Value '"
            + value
            + "' at '"
            + member
            + "' failed to satisfy constraint: "
            + constraint);
  }
}
