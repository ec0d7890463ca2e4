package io.powertune.bench;

import io.powertune.platform.Platform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** What the benchmarks share: clients for a platform, and a folder zipped as a package. */
final class BenchSupport {

  private BenchSupport() {}

  private static StaticCredentialsProvider credentials(Platform platform) {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(
            platform.credentials().accessKeyId(), platform.credentials().secretAccessKey()));
  }

  static SfnClient sfn(Platform platform, SdkHttpClient http) {
    return SfnClient.builder()
        .endpointOverride(platform.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials(platform))
        .httpClient(http)
        .build();
  }

  static CloudWatchLogsClient logs(Platform platform, SdkHttpClient http) {
    return CloudWatchLogsClient.builder()
        .endpointOverride(platform.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials(platform))
        .httpClient(http)
        .build();
  }

  static LambdaClient lambda(Platform platform, SdkHttpClient http) {
    return lambda(platform, http, Duration.ofMinutes(10));
  }

  /**
   * A Lambda client whose calls time out after {@code callTimeout}, or never with null (the SDK
   * keeps each call's cancelled timer until it would have fired, which a soak must not count).
   */
  static LambdaClient lambda(Platform platform, SdkHttpClient http, Duration callTimeout) {
    return LambdaClient.builder()
        .endpointOverride(platform.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials(platform))
        .httpClient(http)
        .overrideConfiguration(o -> o.apiCallTimeout(callTimeout))
        .build();
  }

  /** Creates a python3.12 function ({@code app.handler}, 128 MB) and waits until it is Active. */
  static String deployPython(LambdaClient lambda, String name, SdkBytes code) {
    String arn =
        lambda
            .createFunction(
                r ->
                    r.functionName(name)
                        .runtime(software.amazon.awssdk.services.lambda.model.Runtime.PYTHON3_12)
                        .handler("app.handler")
                        .role("arn:aws:iam::000000000000:role/bench")
                        .memorySize(128)
                        .timeout(60)
                        .code(c -> c.zipFile(code)))
            .functionArn();
    lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
    return arn;
  }

  static SdkBytes zip(Path dir) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes);
        var files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
    return SdkBytes.fromByteArray(bytes.toByteArray());
  }

  /** Installs the tuner with {@code settings}; returns its state machine's ARN. */
  static String installTuner(
      LambdaClient lambda,
      SfnClient sfn,
      CloudWatchLogsClient logs,
      io.powertune.cli.install.InstallSettings settings) {
    return new io.powertune.cli.install.TunerInstaller(
            lambda,
            sfn,
            logs,
            new io.powertune.cli.install.PlatformRoles(),
            io.powertune.cli.install.TunerPackage.shipped(),
            settings)
        .install()
        .stateMachineArn();
  }

  /** Starts an execution of {@code machine} and polls it to its end; throws unless it succeeded. */
  static software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse runToEnd(
      SfnClient sfn, String machine, String input) throws InterruptedException {
    String arn = sfn.startExecution(r -> r.stateMachineArn(machine).input(input)).executionArn();
    while (true) {
      var execution = sfn.describeExecution(r -> r.executionArn(arn));
      if (execution.status() != software.amazon.awssdk.services.sfn.model.ExecutionStatus.RUNNING) {
        if (execution.status()
            != software.amazon.awssdk.services.sfn.model.ExecutionStatus.SUCCEEDED) {
          throw new IllegalStateException("tuning failed: " + execution.cause());
        }
        return execution;
      }
      Thread.sleep(20);
    }
  }
}
