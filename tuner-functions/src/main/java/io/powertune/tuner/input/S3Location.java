package io.powertune.tuner.input;

import io.powertune.analyzer.model.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An S3 object named as {@code s3://bucket/key}.
 *
 * @param bucket the bucket
 * @param key the object's key
 */
public record S3Location(String bucket, String key) {

  private static final Pattern URI =
      Pattern.compile("s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(.+)");

  /**
   * Reads an {@code s3://bucket/key} reference.
   *
   * @throws InvalidInputException naming {@code field} otherwise
   */
  public static S3Location parse(String text, String field) {
    Matcher matcher = URI.matcher(text == null ? "" : text.strip());
    if (!matcher.matches()) {
      throw new InvalidInputException(
          field, "'" + text + "' is not an S3 object; give it as s3://BUCKET/KEY");
    }
    return new S3Location(matcher.group(1), matcher.group(2));
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
