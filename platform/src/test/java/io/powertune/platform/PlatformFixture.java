package io.powertune.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sfn.SfnClient;

/** A platform on port 0 in a temporary state directory, with real SDK clients pointed at it. */
public final class PlatformFixture implements AutoCloseable {

  public static final String ROLE = "arn:aws:iam::000000000000:role/lambda-role";

  private final Path stateDir;
  private Platform platform;
  private final SdkHttpClient http =
      UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMinutes(2)).build();

  private final PlatformConfig config;

  public PlatformFixture(Path stateDir) throws Exception {
    this(config(stateDir));
  }

  public PlatformFixture(PlatformConfig config) throws Exception {
    this.stateDir = config.stateDir();
    this.config = config;
    start();
  }

  /** Short timings so tests of reaping and Event retries run quickly. */
  public static PlatformConfig config(Path stateDir) {
    return new PlatformConfig(
        0,
        stateDir,
        Duration.ofMinutes(10),
        List.of(Duration.ofMillis(100), Duration.ofMillis(200)),
        1000,
        Clock.systemUTC(),
        Path.of("/sys/fs/cgroup"),
        Duration.ofSeconds(30));
  }

  public void start() throws Exception {
    platform = Platform.start(config);
  }

  public void restart() throws Exception {
    platform.close();
    start();
  }

  public Path stateDir() {
    return stateDir;
  }

  public Platform platform() {
    return platform;
  }

  public URI endpoint() {
    return platform.endpoint();
  }

  public StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(
            platform.credentials().accessKeyId(), platform.credentials().secretAccessKey()));
  }

  public LambdaClient lambda() {
    return lambda(Region.US_EAST_1);
  }

  public LambdaClient lambda(Region region) {
    return LambdaClient.builder()
        .endpointOverride(endpoint())
        .region(region)
        .credentialsProvider(credentials())
        .httpClient(http)
        .build();
  }

  /** A client that does not retry throttled or failed calls, to see the first answer. */
  public LambdaClient lambdaWithoutRetries() {
    return LambdaClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .httpClient(http)
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  public SfnClient sfn() {
    return SfnClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .httpClient(http)
        .build();
  }

  public CloudWatchLogsClient logs() {
    return CloudWatchLogsClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .httpClient(http)
        .build();
  }

  /** Creates a function from a folder and waits until it is Active. */
  public CreateFunctionResponse create(
      LambdaClient lambda, String name, Runtime runtime, String handler, Path code) {
    return create(lambda, name, runtime, handler, code, 128, 3);
  }

  public CreateFunctionResponse create(
      LambdaClient lambda,
      String name,
      Runtime runtime,
      String handler,
      Path code,
      int memory,
      int timeout) {
    SdkBytes zip = Zips.of(code);
    CreateFunctionResponse created =
        lambda.createFunction(
            r ->
                r.functionName(name)
                    .runtime(runtime)
                    .handler(handler)
                    .role(ROLE)
                    .memorySize(memory)
                    .timeout(timeout)
                    .architectures(Architecture.X86_64)
                    .code(c -> c.zipFile(zip)));
    lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
    return created;
  }

  @Override
  public void close() {
    platform.close();
    http.close();
  }
}
