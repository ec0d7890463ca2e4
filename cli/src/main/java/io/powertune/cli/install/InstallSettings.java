package io.powertune.cli.install;

import io.powertune.platform.trusted.TrustedHandler;
import io.powertune.tuner.TunerFunctions;
import io.powertune.tuner.TunerFunctions.TunerFunction;
import io.powertune.tuner.aws.TunerEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the tuner is deployed: the same choices as infra/template.yaml's, so that {@code install} and
 * {@code sam deploy} make the same tuner.
 *
 * @param memoryMb the workflow functions' memory (the template's MemorySize)
 * @param executorMemoryMb the Executor's: it mostly waits for the function it measures, and is
 *     billed for every second of it
 * @param timeoutSeconds their timeout, the template's totalExecutionTimeout: the longest one
 *     Executor call measures before it returns its progress
 * @param lambdaResource the IAM Resource of every Lambda action the functions' roles grant
 * @param payloadS3Bucket the bucket payloadS3 inputs are read from, or empty for none
 * @param payloadS3Key the key (or pattern) in it
 * @param logRetentionDays how long the functions' logs are kept
 * @param variables the functions' environment variables
 */
public record InstallSettings(
    int memoryMb,
    int executorMemoryMb,
    int timeoutSeconds,
    String lambdaResource,
    String payloadS3Bucket,
    String payloadS3Key,
    int logRetentionDays,
    Map<String, String> variables) {

  /**
   * One full vCPU: a cold tuning's steps start in half the time they take at 1,024 MB, for a
   * quarter more compute (README, "Running on AWS"; bench/results/tuner-processes.md).
   */
  public static final int MEMORY_MB = 1769;

  /** The Executor's memory (README, "Running on AWS"). */
  public static final int EXECUTOR_MEMORY_MB = 512;

  /** The template's default totalExecutionTimeout, as the original's. */
  public static final int TIMEOUT_SECONDS = 300;

  /** The template's default log retention. */
  public static final int LOG_RETENTION_DAYS = 7;

  public InstallSettings {
    variables = Map.copyOf(variables);
  }

  /**
   * For AWS, where each size runs on machines of its own: all sizes are measured at once, as the
   * template deploys it.
   */
  public static InstallSettings distributed() {
    return new InstallSettings(
        MEMORY_MB, EXECUTOR_MEMORY_MB, TIMEOUT_SECONDS, "*", "", "*", LOG_RETENTION_DAYS, Map.of());
  }

  /**
   * For a platform (or LocalStack) whose functions share one host: sizes are measured one at a
   * time, since sizes measured together slow each other (measured: up to 20% at 1,024 MB on two
   * cores).
   */
  public static InstallSettings sharedHost() {
    return distributed().withVariable(TunerEnvironment.CONCURRENT_SIZES, "1");
  }

  /**
   * For the embedded platform when a command installs the tuner by itself: as {@link
   * #sharedHost()}, and the steps ask the platform to run them inside its JVM, where they start at
   * once and hold no CPU share (a platform started with {@code --tuner processes} still runs them
   * as processes).
   */
  public static InstallSettings inPlatform() {
    return sharedHost().withVariable(TrustedHandler.IN_PROCESS, "true");
  }

  /** True when the steps ask to run inside the platform's JVM. */
  public boolean inProcess() {
    return "true".equals(variables.get(TrustedHandler.IN_PROCESS));
  }

  /** The memory of one workflow function. */
  public int memoryOf(TunerFunction function) {
    return function.placeholder().equals(TunerFunctions.executor().placeholder())
        ? executorMemoryMb
        : memoryMb;
  }

  public InstallSettings withVariable(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(variables);
    more.put(name, value);
    return withVariables(more);
  }

  /** The same settings with these variables only. */
  public InstallSettings withVariables(Map<String, String> only) {
    return new InstallSettings(
        memoryMb,
        executorMemoryMb,
        timeoutSeconds,
        lambdaResource,
        payloadS3Bucket,
        payloadS3Key,
        logRetentionDays,
        only);
  }

  /** The same settings with these memory sizes. */
  public InstallSettings withMemory(int mb, int executorMb) {
    return new InstallSettings(
        mb,
        executorMb,
        timeoutSeconds,
        lambdaResource,
        payloadS3Bucket,
        payloadS3Key,
        logRetentionDays,
        variables);
  }

  public InstallSettings withTimeout(int seconds) {
    return new InstallSettings(
        memoryMb,
        executorMemoryMb,
        seconds,
        lambdaResource,
        payloadS3Bucket,
        payloadS3Key,
        logRetentionDays,
        variables);
  }

  public InstallSettings withPermissions(String resource, String bucket, String key) {
    return new InstallSettings(
        memoryMb,
        executorMemoryMb,
        timeoutSeconds,
        resource,
        bucket,
        key,
        logRetentionDays,
        variables);
  }
}
