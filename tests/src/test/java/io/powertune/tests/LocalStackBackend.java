package io.powertune.tests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * LocalStack in a container (Testcontainers), with the tuner installed by {@code powertune install
 * --endpoint}. Its functions run in containers of their own with no CPU limit that follows memory,
 * so only cost and correctness are checked there, not speed.
 */
final class LocalStackBackend implements Backend {

  /** The last LocalStack image that starts without an auth token. */
  static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.14.0");

  private LocalStackContainer container;
  private LambdaClient lambda;
  private SfnClient sfn;
  private String role;
  private String stateMachineArn;

  @Override
  public String name() {
    return "LocalStack " + IMAGE.getVersionPart();
  }

  @Override
  public void start(Path work) throws Exception {
    container =
        new LocalStackContainer(IMAGE)
            .withServices("lambda", "stepfunctions", "logs", "iam", "s3", "sts")
            .withEnv("LAMBDA_IGNORE_ARCHITECTURE", "1")
            .withEnv("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT", "120");
    container.start();
    lambda = client(LambdaClient.builder()).build();
    sfn = client(SfnClient.builder()).build();
    try (IamClient iam = client(IamClient.builder()).build()) {
      role = TargetRole.ensure(iam);
    }
    Powertune.Result installed =
        Powertune.run(
            environment(),
            work,
            List.of("install", "--endpoint", container.getEndpoint().toString()));
    if (installed.exitCode() != 0) {
      throw new IllegalStateException("install failed: " + installed.describe());
    }
    stateMachineArn = installed.out().strip();
  }

  private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B client(
      B builder) {
    return builder
        .endpointOverride(container.getEndpoint())
        .region(Region.of(container.getRegion()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(container.getAccessKey(), container.getSecretKey())));
  }

  @Override
  public String region() {
    return container.getRegion();
  }

  @Override
  public LambdaClient lambda() {
    return lambda;
  }

  @Override
  public SfnClient sfn() {
    return sfn;
  }

  @Override
  public String targetRole() {
    return role;
  }

  @Override
  public List<String> where() {
    return List.of(
        "--endpoint", container.getEndpoint().toString(), "--state-machine-arn", stateMachineArn);
  }

  @Override
  public Map<String, String> environment() {
    return Map.of(
        "AWS_ACCESS_KEY_ID", container.getAccessKey(),
        "AWS_SECRET_ACCESS_KEY", container.getSecretKey(),
        "AWS_REGION", container.getRegion());
  }

  @Override
  public boolean cpuFollowsMemory() {
    return false;
  }

  @Override
  public void close() {
    if (lambda != null) {
      lambda.close();
      sfn.close();
    }
    if (container != null) {
      container.stop();
    }
  }
}
