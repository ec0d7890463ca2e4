package io.powertune.tests;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * AWS itself, with the default credential chain: the tuner installed by {@code powertune install
 * --aws}, and everything the suite made removed at the end ({@code uninstall}, the target role). It
 * costs a few cents a run.
 */
final class AwsBackend implements Backend {

  private final String region =
      System.getenv()
          .getOrDefault(
              "AWS_REGION", System.getenv().getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
  private LambdaClient lambda;
  private SfnClient sfn;
  private IamClient iam;
  private String role;
  private String stateMachineArn;
  private Path work;

  @Override
  public String name() {
    return "AWS " + region;
  }

  @Override
  public void start(Path work) throws Exception {
    this.work = work;
    DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    lambda =
        LambdaClient.builder().region(Region.of(region)).credentialsProvider(credentials).build();
    sfn = SfnClient.builder().region(Region.of(region)).credentialsProvider(credentials).build();
    iam = IamClient.builder().region(Region.AWS_GLOBAL).credentialsProvider(credentials).build();
    role = TargetRole.ensure(iam);
    Powertune.Result installed =
        Powertune.run(environment(), work, List.of("install", "--aws", "--region", region));
    if (installed.exitCode() != 0) {
      throw new IllegalStateException("install failed: " + installed.describe());
    }
    stateMachineArn = installed.out().strip();
  }

  @Override
  public String region() {
    return region;
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
    return List.of("--aws", "--state-machine-arn", stateMachineArn);
  }

  /** The caller's AWS variables and home (for ~/.aws), as given to this test run. */
  @Override
  public Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    System.getenv()
        .forEach(
            (k, v) -> {
              if (k.startsWith("AWS_")) {
                env.put(k, v);
              }
            });
    env.put("HOME", System.getProperty("user.home"));
    env.put("AWS_REGION", region);
    return env;
  }

  /** The log groups Lambda made for the suite's functions (their functions are deleted). */
  private void deleteTargetLogGroups() {
    try (CloudWatchLogsClient logs =
        CloudWatchLogsClient.builder()
            .region(Region.of(region))
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .build()) {
      logs.describeLogGroupsPaginator(r -> r.logGroupNamePrefix("/aws/lambda/e2e-"))
          .logGroups()
          .forEach(g -> logs.deleteLogGroup(r -> r.logGroupName(g.logGroupName())));
    }
  }

  @Override
  public boolean cpuFollowsMemory() {
    return true;
  }

  @Override
  public void close() {
    try {
      if (work != null) {
        Powertune.run(environment(), work, List.of("uninstall", "--aws", "--region", region));
      }
      if (iam != null) {
        TargetRole.remove(iam);
        deleteTargetLogGroups();
      }
    } catch (Exception e) {
      throw new IllegalStateException("cleaning up AWS failed: " + e.getMessage(), e);
    } finally {
      if (lambda != null) {
        lambda.close();
        sfn.close();
        iam.close();
      }
    }
  }
}
