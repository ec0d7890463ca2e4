package io.powertune.cli;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The SDK clients a command uses against one endpoint, closed with it. */
final class ServiceClients implements AutoCloseable {

  private final URI endpoint;
  private final AwsCredentialsProvider credentials;
  private final SdkHttpClient http =
      ApacheHttpClient.builder().socketTimeout(Duration.ofMinutes(15)).build();

  ServiceClients(URI endpoint, AwsCredentialsProvider credentials) {
    this.endpoint = endpoint;
    this.credentials = credentials;
  }

  URI endpoint() {
    return endpoint;
  }

  LambdaClient lambda(String region) {
    return LambdaClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .httpClient(http)
        .build();
  }

  SfnClient sfn(String region) {
    return SfnClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .httpClient(http)
        .build();
  }

  @Override
  public void close() {
    http.close();
  }
}
