package io.powertune.tuner.aws;

import io.powertune.analyzer.VisualizationUrl;
import io.powertune.analyzer.pricing.Regions;
import io.powertune.tuner.input.PowerValues;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * What a tuner function reads from its environment, as Lambda (or the platform) sets it.
 *
 * @param region the tuner's own region ({@code AWS_REGION})
 * @param lambdaEndpoint the Lambda endpoint ({@code AWS_ENDPOINT_URL_LAMBDA}, else {@code
 *     AWS_ENDPOINT_URL}); null for AWS's own
 * @param s3Endpoint the S3 endpoint ({@code AWS_ENDPOINT_URL_S3}, else {@code AWS_ENDPOINT_URL});
 *     null for AWS's own
 * @param credentials the credentials the function runs with
 * @param visualizationUrl the viewer the output links to ({@code visualizationURL}, as in the
 *     original's deployment)
 * @param defaultPowerValues the sizes measured when the input names none ({@code
 *     defaultPowerValues}, comma-separated)
 * @param concurrentSizes how many sizes are measured at once when the input does not say ({@code
 *     POWERTUNE_CONCURRENT_SIZES}; 0, the default, measures all at once, as on AWS where each runs
 *     on machines of its own; a platform whose functions share one host measures one at a time)
 */
public record TunerEnvironment(
    String region,
    URI lambdaEndpoint,
    URI s3Endpoint,
    AwsCredentialsProvider credentials,
    String visualizationUrl,
    List<Integer> defaultPowerValues,
    int concurrentSizes) {

  /** The variable that sets {@link #concurrentSizes}. */
  public static final String CONCURRENT_SIZES = "POWERTUNE_CONCURRENT_SIZES";

  public TunerEnvironment {
    defaultPowerValues = List.copyOf(defaultPowerValues);
  }

  /** The environment of this process, on AWS Lambda or in a runtime process of the platform. */
  public static TunerEnvironment fromSystem() {
    return read(System.getenv(), DefaultCredentialsProvider.builder().build());
  }

  /**
   * The environment given as variables, for a function the platform runs inside its own JVM: the
   * credentials are the variables', never the JVM's.
   */
  public static TunerEnvironment of(Map<String, String> variables) {
    String key = variables.get("AWS_ACCESS_KEY_ID");
    String secret = variables.get("AWS_SECRET_ACCESS_KEY");
    if (key == null || secret == null) {
      throw new IllegalArgumentException(
          "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set for an in-process function");
    }
    String token = variables.get("AWS_SESSION_TOKEN");
    AwsCredentialsProvider credentials =
        StaticCredentialsProvider.create(
            token == null
                ? AwsBasicCredentials.create(key, secret)
                : AwsSessionCredentials.create(key, secret, token));
    return read(variables, credentials);
  }

  private static TunerEnvironment read(
      Map<String, String> variables, AwsCredentialsProvider credentials) {
    String region = variables.getOrDefault("AWS_REGION", Regions.DEFAULT);
    String endpoint = variables.get("AWS_ENDPOINT_URL");
    return new TunerEnvironment(
        region,
        uri(variables.getOrDefault("AWS_ENDPOINT_URL_LAMBDA", endpoint)),
        uri(variables.getOrDefault("AWS_ENDPOINT_URL_S3", endpoint)),
        credentials,
        variables.getOrDefault("visualizationURL", VisualizationUrl.DEFAULT_BASE),
        powerValues(variables.get("defaultPowerValues")),
        Integer.parseInt(variables.getOrDefault(CONCURRENT_SIZES, "0").strip()));
  }

  private static URI uri(String text) {
    return text == null || text.isBlank() ? null : URI.create(text.strip());
  }

  private static List<Integer> powerValues(String text) {
    if (text == null || text.isBlank()) {
      return PowerValues.DEFAULTS;
    }
    return Arrays.stream(text.split(",")).map(String::strip).map(Integer::valueOf).toList();
  }
}
