package io.powertune.platform.runtime;

import io.powertune.platform.resources.CpuShare;
import io.powertune.platform.resources.FunctionUsers;
import io.powertune.platform.resources.Isolation;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** The command and environment variables that start a runtime process, as Lambda sets them. */
final class RuntimeLaunch {

  private RuntimeLaunch() {}

  /**
   * Where the runtime process finds things: its own state-directory paths, or Lambda's ({@code
   * /var/task}, {@code /var/runtime}) in an environment of its own user.
   *
   * @param taskRoot the function's code
   * @param runtimesDir the runtime bootstraps
   * @param searchPath the {@code PATH} its runtime is found on
   * @param libraryPath the {@code LD_LIBRARY_PATH} its language's libraries are found on, or null
   */
  record Paths(Path taskRoot, Path runtimesDir, String searchPath, String libraryPath) {

    /** The platform's own paths. */
    static Paths platforms(Path codeDir, Path runtimesDir) {
      return new Paths(codeDir, runtimesDir, hostPath(), null);
    }

    /**
     * Lambda's paths, for a runtime run as a user without rights of its own.
     *
     * @param languageMounted true when the runtime's language is mounted at /var/lang
     */
    static Paths isolated(boolean languageMounted) {
      String reachable = FunctionUsers.reachable(hostPath());
      Path lang = Isolation.LANGUAGE_HOME;
      return languageMounted
          ? new Paths(
              Isolation.TASK_ROOT,
              Isolation.RUNTIME_DIR,
              lang.resolve("bin") + ":" + reachable,
              lang.resolve("lib").toString())
          : new Paths(Isolation.TASK_ROOT, Isolation.RUNTIME_DIR, reachable, null);
    }

    private static String hostPath() {
      return System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    }
  }

  /**
   * @param nativeClient whether the platform unpacked the Java client's native library into the
   *     runtimes' java folder
   */
  static List<String> command(
      EnvironmentSpec spec, Paths paths, CpuShare share, boolean nativeClient) {
    String runtime = spec.config().runtime();
    Path runtimesDir = paths.runtimesDir();
    Path codeDir = paths.taskRoot();
    if (runtime.startsWith("python")) {
      return List.of("python3", "-u", runtimesDir.resolve("python-bootstrap.py").toString());
    }
    if (runtime.startsWith("nodejs")) {
      return List.of("node", runtimesDir.resolve("node-bootstrap.mjs").toString());
    }
    if (runtime.startsWith("java")) {
      // heap and processors that fit the environment's limits, as Lambda's Java runtimes set them
      int heapMb = Math.max(spec.config().memorySize() * 85 / 100, 64);
      List<String> command =
          new java.util.ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:+TieredCompilation",
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-Xshare:auto",
                  "-Xmx" + heapMb + "m",
                  "-XX:ActiveProcessorCount=" + share.processors()));
      if (nativeClient) {
        // the client's native library, unpacked once by the platform, not by each start
        command.add(
            "-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI="
                + runtimesDir.resolve("java").resolve(JavaClientLibrary.FILE));
      }
      command.addAll(
          List.of(
              "-cp",
              codeDir + ":" + codeDir.resolve("lib") + "/*:" + runtimesDir.resolve("java") + "/*",
              "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
              spec.config().handler()));
      return command;
    }
    return List.of(codeDir.resolve("bootstrap").toString());
  }

  /** The variables a function's process gets, as Lambda sets them. */
  static Map<String, String> environment(
      EnvironmentSpec spec,
      Paths paths,
      String runtimeApi,
      String logStream,
      AwsCredentialsIdentity credentials,
      URI endpoint,
      Path tmpDir) {
    Map<String, String> env = new HashMap<>(spec.config().environment());
    String runtime = spec.config().runtime();
    env.put("_HANDLER", spec.config().handler());
    env.put("AWS_REGION", spec.key().region());
    env.put("AWS_DEFAULT_REGION", spec.key().region());
    if (!runtime.startsWith("provided")) {
      env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + runtime);
    }
    env.put("AWS_LAMBDA_FUNCTION_NAME", spec.key().name());
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.config().memorySize()));
    env.put("AWS_LAMBDA_FUNCTION_VERSION", spec.version());
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", spec.config().logGroup());
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStream);
    if (spec.config().logFormat().equals("JSON")) {
      env.put("AWS_LAMBDA_LOG_FORMAT", "JSON");
    }
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
    env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
    if (credentials instanceof AwsSessionCredentialsIdentity session) {
      // as Lambda gives a function its role's temporary credentials
      env.put("AWS_SESSION_TOKEN", session.sessionToken());
    }
    // as Lambda gives functions AWS's endpoints: AWS SDKs read this and reach the platform
    // (unless the function names an endpoint of its own)
    env.putIfAbsent("AWS_ENDPOINT_URL", endpoint.toString());
    env.put("LAMBDA_TASK_ROOT", paths.taskRoot().toString());
    env.put("LAMBDA_RUNTIME_DIR", paths.runtimesDir().toString());
    env.put("TZ", ":UTC");
    env.put("LANG", "en_US.UTF-8");
    env.put("TMPDIR", tmpDir.toString());
    env.put("HOME", tmpDir.toString());
    env.put("PATH", paths.searchPath());
    if (paths.libraryPath() != null) {
      env.put("LD_LIBRARY_PATH", paths.libraryPath());
    }
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    return env;
  }
}
