package io.powertune.cli;

import io.powertune.cli.install.TrustedTuner;
import io.powertune.platform.Platform;
import io.powertune.platform.PlatformConfig;
import io.powertune.platform.auth.CredentialsFile;
import io.powertune.platform.auth.PlatformCredentials;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.OptionalLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Where a command's calls go: AWS itself with {@code --aws} or {@code --profile}; the endpoint
 * named with {@code --endpoint} (a platform, LocalStack); else the running platform of the state
 * directory, else one started in this process for the command's duration.
 */
final class PlatformSession implements AutoCloseable {

  private final URI endpoint;
  private final AwsCredentialsProvider credentials;
  private final Platform started;
  private final OptionalLong pid;

  private PlatformSession(
      URI endpoint, AwsCredentialsProvider credentials, Platform started, OptionalLong pid) {
    this.endpoint = endpoint;
    this.credentials = credentials;
    this.started = started;
    this.pid = pid;
  }

  /**
   * Opens the session.
   *
   * @param endpoint the {@code --endpoint} flag, or null
   * @param err where to say that a platform was started here
   */
  static PlatformSession open(Path stateDir, URI endpoint, PrintWriter err) throws Exception {
    return open(stateDir, endpoint, false, null, err);
  }

  /**
   * Opens the session.
   *
   * @param endpoint the {@code --endpoint} flag, or null
   * @param aws the {@code --aws} flag: AWS's own endpoints (unless {@code endpoint} is given)
   * @param profile the {@code --profile} flag (implies {@code aws}), or null
   * @param err where to say that a platform was started here
   */
  static PlatformSession open(
      Path stateDir, URI endpoint, boolean aws, String profile, PrintWriter err) throws Exception {
    if (aws || profile != null) {
      AwsCredentialsProvider credentials =
          profile == null
              ? DefaultCredentialsProvider.builder().build()
              : ProfileCredentialsProvider.builder().profileName(profile).build();
      return new PlatformSession(endpoint, credentials, null, OptionalLong.empty());
    }
    URI running = runningEndpoint(stateDir);
    if (endpoint != null) {
      boolean ours = endpoint.equals(running);
      AwsCredentialsProvider credentials =
          ours ? stateCredentials(stateDir) : DefaultCredentialsProvider.builder().build();
      return new PlatformSession(
          endpoint, credentials, null, ours ? pid(stateDir) : OptionalLong.empty());
    }
    if (running != null) {
      return new PlatformSession(running, stateCredentials(stateDir), null, pid(stateDir));
    }
    Platform platform =
        Platform.start(
            PlatformConfig.defaults(0, stateDir).withTrustedHandlers(TrustedTuner.handlers()));
    err.println(
        "powertune: started a platform in this process at "
            + platform.endpoint()
            + " (state in "
            + stateDir
            + "); it stops when this command ends");
    err.flush();
    return new PlatformSession(
        platform.endpoint(),
        fixed(platform.credentials()),
        platform,
        OptionalLong.of(ProcessHandle.current().pid()));
  }

  /** The endpoint, or null for AWS's own. */
  URI endpoint() {
    return endpoint;
  }

  /** Where the calls go, for messages: the endpoint, or AWS. */
  String where() {
    return endpoint == null ? "AWS" : endpoint.toString();
  }

  /** True when the calls go to a powertune platform (the state directory's, or one started). */
  boolean platform() {
    return pid.isPresent() || started != null;
  }

  AwsCredentialsProvider credentials() {
    return credentials;
  }

  /** The platform's process id, when it runs on this host and is known. */
  OptionalLong pid() {
    return pid;
  }

  @Override
  public void close() {
    if (started != null) {
      started.close();
    }
  }

  /** The endpoint of a platform serving from the state directory; null when none answers. */
  private static URI runningEndpoint(Path stateDir) {
    Path file = stateDir.resolve("endpoint");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      URI uri = URI.create(Files.readString(file).strip());
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 500);
      }
      return uri;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static OptionalLong pid(Path stateDir) {
    try {
      long pid = Long.parseLong(Files.readString(stateDir.resolve("pid")).strip());
      return ProcessHandle.of(pid).isPresent() ? OptionalLong.of(pid) : OptionalLong.empty();
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static AwsCredentialsProvider stateCredentials(Path stateDir) {
    return fixed(CredentialsFile.loadOrCreate(stateDir, new SecureRandom()));
  }

  private static AwsCredentialsProvider fixed(PlatformCredentials credentials) {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey()));
  }
}
