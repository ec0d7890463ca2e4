package io.powertune.tuner.aws;

import io.powertune.tuner.input.TuningInputReader;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The SDK clients a tuner function uses, one per region (cross-Region tuning: a client is built for
 * the region in the target's ARN), kept for the life of the execution environment.
 */
public final class AwsClients implements AutoCloseable {

  private final TunerEnvironment environment;
  private final GrantedActions granted;
  private final SdkHttpClient http =
      ApacheHttpClient.builder()
          .maxConnections(TuningInputReader.MAX_PARALLEL + 16)
          .connectionTimeout(Duration.ofSeconds(10))
          .socketTimeout(Duration.ofMinutes(15))
          .tcpKeepAlive(true)
          .build();
  private final Map<String, LambdaClient> control = new ConcurrentHashMap<>();
  private final Map<String, LambdaClient> invoke = new ConcurrentHashMap<>();
  private final Map<String, S3Client> s3 = new ConcurrentHashMap<>();

  /**
   * @param granted the Lambda actions the function's role grants; every Lambda call is checked
   */
  public AwsClients(TunerEnvironment environment, GrantedActions granted) {
    this.environment = environment;
    this.granted = granted;
  }

  public TunerEnvironment environment() {
    return environment;
  }

  /** A client for the control plane of {@code region}, with the SDK's standard retries. */
  public LambdaClient lambda(String region) {
    return control.computeIfAbsent(region, r -> lambdaBuilder(r).build());
  }

  /**
   * A client that invokes in {@code region} without retrying: a retried Invoke could run the
   * function twice, so the Executor decides what is retried.
   */
  public LambdaClient invoker(String region) {
    return invoke.computeIfAbsent(
        region,
        r ->
            lambdaBuilder(r)
                .overrideConfiguration(
                    o ->
                        o.addExecutionInterceptor(granted)
                            .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build());
  }

  /** A client for S3 in {@code region}. */
  public S3Client s3(String region) {
    return s3.computeIfAbsent(
        region,
        r -> {
          var builder =
              S3Client.builder()
                  .region(Region.of(r))
                  .credentialsProvider(environment.credentials())
                  .httpClient(http);
          if (environment.s3Endpoint() != null) {
            builder.endpointOverride(environment.s3Endpoint()).forcePathStyle(true);
          }
          return builder.build();
        });
  }

  private LambdaClientBuilder lambdaBuilder(String region) {
    LambdaClientBuilder builder =
        LambdaClient.builder()
            .region(Region.of(region))
            .credentialsProvider(environment.credentials())
            .httpClient(http)
            .overrideConfiguration(o -> o.addExecutionInterceptor(granted));
    if (environment.lambdaEndpoint() != null) {
      builder.endpointOverride(environment.lambdaEndpoint());
    }
    return builder;
  }

  @Override
  public void close() {
    control.values().forEach(LambdaClient::close);
    invoke.values().forEach(LambdaClient::close);
    s3.values().forEach(S3Client::close);
    http.close();
  }
}
