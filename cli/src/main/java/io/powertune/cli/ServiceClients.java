package io.powertune.cli;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The SDK clients a command uses against one endpoint (or AWS's own, with no endpoint), one per
 * service and region.
 */
final class ServiceClients implements AutoCloseable {

  private final URI endpoint;
  private final AwsCredentialsProvider credentials;
  private final SdkHttpClient http =
      ApacheHttpClient.builder().socketTimeout(Duration.ofMinutes(15)).build();
  private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

  /**
   * @param endpoint the one endpoint of every service, or null for AWS's own
   */
  ServiceClients(URI endpoint, AwsCredentialsProvider credentials) {
    this.endpoint = endpoint;
    this.credentials = credentials;
  }

  /** The endpoint, or null for AWS's own. */
  URI endpoint() {
    return endpoint;
  }

  /** Where the calls go, for messages: the endpoint, or AWS. */
  String where() {
    return endpoint == null ? "AWS" : endpoint.toString();
  }

  /** IAM, global within the partition of {@code region} (the SDK finds its endpoint). */
  IamClient iam(String region) {
    return client("iam", region, IamClient.builder());
  }

  LambdaClient lambda(String region) {
    return client("lambda", region, LambdaClient.builder());
  }

  SfnClient sfn(String region) {
    return client("sfn", region, SfnClient.builder());
  }

  CloudWatchLogsClient logs(String region) {
    return client("logs", region, CloudWatchLogsClient.builder());
  }

  @SuppressWarnings("unchecked")
  private <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>>
      C client(String service, String region, B builder) {
    return (C)
        clients.computeIfAbsent(
            service + "/" + region,
            k -> {
              if (endpoint != null) {
                builder.endpointOverride(endpoint);
              }
              return builder
                  .region(Region.of(region))
                  .credentialsProvider(credentials)
                  .httpClient(http)
                  .build();
            });
  }

  @Override
  public void close() {
    List<SdkClient> all = new ArrayList<>(clients.values());
    all.forEach(SdkClient::close);
    http.close();
  }
}
