package io.powertune.tests;

import io.powertune.cli.install.TrustedTuner;
import io.powertune.platform.PlatformConfig;
import io.powertune.platform.PlatformFixture;
import io.powertune.platform.resources.ResourceControls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The embedded platform, with the tuner either in the platform's JVM (as {@code tune} installs it
 * by itself) or installed by {@code powertune install} and run as java21 function processes, as on
 * AWS.
 */
final class EmbeddedBackend implements Backend {

  private final boolean inProcess;
  private PlatformFixture platform;
  private Path stateDir;
  private String stateMachineArn;

  private EmbeddedBackend(boolean inProcess) {
    this.inProcess = inProcess;
  }

  static EmbeddedBackend withInProcessTuner() {
    return new EmbeddedBackend(true);
  }

  static EmbeddedBackend withInstalledTuner() {
    return new EmbeddedBackend(false);
  }

  @Override
  public String name() {
    return inProcess
        ? "embedded platform, tuner in the platform's JVM"
        : "embedded platform, tuner installed by powertune install (java21 processes)";
  }

  @Override
  public void start(Path work) throws Exception {
    stateDir = work.resolve("state");
    PlatformConfig config = PlatformFixture.config(stateDir);
    platform =
        new PlatformFixture(
            inProcess ? config.withTrustedHandlers(TrustedTuner.handlers()) : config);
    if (!inProcess) {
      Powertune.Result installed =
          Powertune.run(
              Map.of(),
              work,
              List.of(
                  "install",
                  "--endpoint",
                  platform.endpoint().toString(),
                  "--state-dir",
                  stateDir.toString()));
      if (installed.exitCode() != 0) {
        throw new IllegalStateException("install failed: " + installed.describe());
      }
      stateMachineArn = installed.out().strip();
    }
  }

  @Override
  public String region() {
    return "us-east-1";
  }

  @Override
  public LambdaClient lambda() {
    return platform.lambda();
  }

  @Override
  public SfnClient sfn() {
    return platform.sfn();
  }

  @Override
  public String targetRole() {
    return PlatformFixture.ROLE;
  }

  @Override
  public List<String> where() {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--endpoint", platform.endpoint().toString(), "--state-dir", stateDir.toString()));
    if (stateMachineArn != null) {
      args.addAll(List.of("--state-machine-arn", stateMachineArn));
    }
    return args;
  }

  @Override
  public Map<String, String> environment() {
    return Map.of();
  }

  @Override
  public boolean cpuFollowsMemory() {
    return ResourceControls.detect(Path.of("/sys/fs/cgroup"), 2).available();
  }

  @Override
  public void close() {
    if (platform != null) {
      platform.close();
    }
  }
}
