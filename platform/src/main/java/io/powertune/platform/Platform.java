package io.powertune.platform;

import io.powertune.platform.auth.CredentialsFile;
import io.powertune.platform.auth.PlatformCredentials;
import io.powertune.platform.auth.SessionKeys;
import io.powertune.platform.auth.SigV4Verifier;
import io.powertune.platform.http.EdgeHandler;
import io.powertune.platform.lambda.CodePackages;
import io.powertune.platform.lambda.Functions;
import io.powertune.platform.lambda.LambdaService;
import io.powertune.platform.lambda.invoke.ConcurrencyLimiter;
import io.powertune.platform.lambda.invoke.EventQueue;
import io.powertune.platform.lambda.invoke.InProcessRunner;
import io.powertune.platform.lambda.invoke.InvocationRunner;
import io.powertune.platform.lambda.invoke.Invoker;
import io.powertune.platform.logs.LogWriter;
import io.powertune.platform.logs.LogsService;
import io.powertune.platform.resources.AdmissionControl;
import io.powertune.platform.resources.EphemeralStorage;
import io.powertune.platform.resources.FunctionUsers;
import io.powertune.platform.resources.Isolation;
import io.powertune.platform.resources.LoopMountStorage;
import io.powertune.platform.resources.NoResourceControl;
import io.powertune.platform.resources.ResourceControl;
import io.powertune.platform.resources.ResourceControls;
import io.powertune.platform.resources.SharedTmpStorage;
import io.powertune.platform.runtime.EnvironmentPool;
import io.powertune.platform.runtime.JavaClientLibrary;
import io.powertune.platform.runtime.RuntimeApiHandler;
import io.powertune.platform.sfn.StepFunctionsService;
import io.powertune.platform.store.Database;
import io.powertune.platform.store.EventStore;
import io.powertune.platform.store.FunctionStore;
import io.powertune.platform.store.LogStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The local function platform: Lambda and CloudWatch Logs APIs on one loopback port,
 * SigV4-verified, running functions in real processes, with its state in SQLite under the state
 * directory.
 */
public final class Platform implements AutoCloseable {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Platform.class);

  /** The account every request acts in. */
  public static final String ACCOUNT = "000000000000";

  private static final List<String> BOOTSTRAPS =
      List.of(
          "python-bootstrap.py",
          "node-bootstrap.mjs",
          "java/aws-lambda-java-runtime-interface-client.jar",
          "java/aws-lambda-java-core.jar",
          "java/aws-lambda-java-serialization.jar",
          "java/utils-lite.jar",
          "java/annotations.jar");

  private final Server server;
  private final Database database;
  private final LogWriter logWriter;
  private final EnvironmentPool pool;
  private final EventQueue events;
  private final StepFunctionsService stepFunctions;
  private final PlatformCredentials credentials;
  private final URI endpoint;
  private final InProcessRunner inProcess;
  private final StateDirectoryLock lock;
  private final FunctionUsers users;
  private final Path stateDir;

  private final AdmissionControl admission;

  private Platform(
      Server server,
      Database database,
      LogWriter logWriter,
      EnvironmentPool pool,
      EventQueue events,
      StepFunctionsService stepFunctions,
      PlatformCredentials credentials,
      URI endpoint,
      InProcessRunner inProcess,
      AdmissionControl admission,
      StateDirectoryLock lock,
      FunctionUsers users) {
    this.admission = admission;
    this.users = users;
    this.server = server;
    this.database = database;
    this.logWriter = logWriter;
    this.pool = pool;
    this.events = events;
    this.stepFunctions = stepFunctions;
    this.credentials = credentials;
    this.endpoint = endpoint;
    this.inProcess = inProcess;
    this.lock = lock;
    this.stateDir = lock.stateDir();
  }

  /**
   * Starts a platform; it serves until {@link #close()}.
   *
   * @throws StateDirectoryInUseException when another platform serves the state directory
   * @throws UnsafeStateDirectoryException when another user owns it or others may write to it
   */
  public static Platform start(PlatformConfig config) throws Exception {
    Files.createDirectories(config.stateDir());
    StateDirectoryPermissions.secure(config.stateDir());
    StateDirectoryLock lock = StateDirectoryLock.acquire(config.stateDir());
    try {
      return start(config, lock);
    } catch (Exception | Error e) {
      lock.close();
      throw e;
    }
  }

  private static Platform start(PlatformConfig config, StateDirectoryLock lock) throws Exception {
    Path stateDir = config.stateDir();
    PlatformCredentials credentials = CredentialsFile.loadOrCreate(stateDir, new SecureRandom());
    SessionKeys sessions = new SessionKeys(new SecureRandom());
    Path runtimes = installBootstraps(stateDir.resolve("runtimes"));
    Database database = Database.open(stateDir.resolve("state.db"));
    FunctionStore functionStore = new FunctionStore(database);
    LogStore logStore = new LogStore(database);
    LogWriter logWriter = new LogWriter(logStore, config.clock());

    QueuedThreadPool threads = new QueuedThreadPool(2048, 16);
    threads.setName("platform");
    Server server = new Server(threads);
    ServerConnector api = new ServerConnector(server);
    api.setHost("127.0.0.1");
    api.setPort(config.port());
    server.addConnector(api);
    api.open(); // the port is known before start: functions get the endpoint in their environment
    URI endpoint = URI.create("http://127.0.0.1:" + api.getLocalPort());

    RuntimeApiHandler runtimeApi = new RuntimeApiHandler();
    ResourceControl resources = resources(config);
    EphemeralStorage storage = storage(config, stateDir);
    FunctionUsers users = users(config, storage);
    LOG.info("functions run {}", users.description());
    EnvironmentPool pool =
        new EnvironmentPool(
            server,
            runtimeApi,
            runtimes,
            stateDir.resolve("tmp"),
            credentials,
            sessions,
            endpoint,
            config.clock(),
            config.idleTimeout(),
            resources,
            storage,
            users,
            EnvironmentPool.scopeOf(stateDir));
    Functions functions = new Functions(functionStore, config.clock());
    CodePackages code = new CodePackages(functionStore, stateDir.resolve("code"));
    code.deleteUnusedAtStart();
    EventQueue events = new EventQueue(config.eventRetryDelays(), config.clock());
    InProcessRunner inProcess =
        new InProcessRunner(
            config.trustedHandlers(),
            logWriter,
            config.clock(),
            config.idleTimeout(),
            pool::inProcessEnvironment);
    AdmissionControl admission =
        resources.available() ? AdmissionControl.forHost(resources.hostCores()) : null;
    Invoker invoker =
        new Invoker(
            functions,
            code,
            new InvocationRunner(
                pool,
                logWriter,
                config.clock(),
                admission,
                resources.hostCores(),
                config.admissionWait(),
                inProcess),
            new ConcurrencyLimiter(config.accountConcurrency()),
            events,
            new EventStore(database));
    StepFunctionsService stepFunctions =
        new StepFunctionsService(database, invoker, config.clock());
    EdgeHandler edge =
        new EdgeHandler(
            List.of(
                new LambdaService(
                    functions, code, invoker, config.accountConcurrency(), pool::retire),
                new LogsService(logStore, config.clock()),
                stepFunctions),
            new SigV4Verifier(credentials, sessions, config.clock()),
            ACCOUNT,
            threads);
    server.setHandler(new PortRouter(api, edge, runtimeApi));
    server.setErrorHandler(new io.powertune.platform.http.AwsErrorHandler());
    server.start();
    writeAtomically(stateDir.resolve("pid"), ProcessHandle.current().pid() + "\n");
    writeAtomically(stateDir.resolve("endpoint"), endpoint + "\n");
    stepFunctions.resumeExecutions();
    invoker.resumeQueued();
    return new Platform(
        server,
        database,
        logWriter,
        pool,
        events,
        stepFunctions,
        credentials,
        endpoint,
        inProcess,
        admission,
        lock,
        users);
  }

  /** A private /tmp of the function's size per environment, or a warning saying why not. */
  private static EphemeralStorage storage(PlatformConfig config, Path stateDir) {
    if (config.cgroupRoot() == null) {
      return new SharedTmpStorage("disabled by configuration");
    }
    return LoopMountStorage.detect(stateDir);
  }

  /**
   * Users of their own for the environments where the platform runs as root and gives each a mount
   * namespace (in which their code and the runtimes appear at Lambda's paths).
   */
  private static FunctionUsers users(PlatformConfig config, EphemeralStorage storage) {
    if (config.cgroupRoot() == null) {
      return FunctionUsers.disabled("disabled by configuration");
    }
    if (!storage.isolates()) {
      return FunctionUsers.disabled("no private mount namespace per environment");
    }
    FunctionUsers users = FunctionUsers.detect();
    if (!users.available()) {
      return users;
    }
    try {
      Files.createDirectories(Isolation.TASK_ROOT); // mount points, empty on the host
      Files.createDirectories(Isolation.RUNTIME_DIR);
      Files.createDirectories(Isolation.LANGUAGE_HOME);
      return users;
    } catch (IOException | SecurityException e) {
      return FunctionUsers.disabled("cannot create " + Isolation.TASK_ROOT + ": " + e);
    }
  }

  private static ResourceControl resources(PlatformConfig config) {
    int cores = java.lang.Runtime.getRuntime().availableProcessors();
    return config.cgroupRoot() == null
        ? new NoResourceControl("disabled by configuration", cores)
        : ResourceControls.detect(config.cgroupRoot(), cores);
  }

  public URI endpoint() {
    return endpoint;
  }

  public PlatformCredentials credentials() {
    return credentials;
  }

  /** vCPUs granted to running invocations now; 0 where admission control is off. */
  public double admissionInUse() {
    return admission == null ? 0 : admission.inUse();
  }

  /** Invocations and cold starts waiting for their CPU share now; 0 where admission is off. */
  public int admissionWaiting() {
    return admission == null ? 0 : admission.waiting();
  }

  /** The most log output (characters) that ever waited to be stored at once. */
  public long mostQueuedLogChars() {
    return logWriter.mostQueuedChars();
  }

  /** True when each environment runs as an unprivileged user of its own. */
  public boolean isolatesFunctions() {
    return users.available();
  }

  /** How functions run (as whom), for messages. */
  public String functionUsers() {
    return users.description();
  }

  /** How many execution environments are alive (starting, busy or idle). */
  public int environmentCount() {
    return pool.environments().size();
  }

  @Override
  public void close() {
    stepFunctions.close();
    events.close();
    inProcess.close();
    pool.close();
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("stopping the server failed", e);
    } finally {
      logWriter.close();
      database.close();
      release();
    }
  }

  /** The endpoint and pid files go (nobody should try this platform now), then the lock. */
  private void release() {
    try {
      Files.deleteIfExists(stateDir.resolve("endpoint"));
      Files.deleteIfExists(stateDir.resolve("pid"));
      lock.close();
    } catch (IOException e) {
      throw new UncheckedIOException("releasing the state directory failed", e);
    }
  }

  /** Writes aside, then renames: whoever waits for the file never reads it half-written. */
  private static void writeAtomically(Path file, String content) throws IOException {
    Path partial = Files.writeString(file.resolveSibling(file.getFileName() + ".partial"), content);
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static Path installBootstraps(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("java"));
    for (String name : BOOTSTRAPS) {
      try (InputStream in = Platform.class.getResourceAsStream("runtimes/" + name)) {
        if (in == null) {
          throw new UncheckedIOException(new IOException("missing resource runtimes/" + name));
        }
        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    JavaClientLibrary.unpack(dir.resolve("java"));
    return dir;
  }

  /** Sends the API port to the AWS services and every other port to the Runtime API. */
  private static final class PortRouter extends Handler.Abstract {
    private final ServerConnector api;
    private final EdgeHandler edge;
    private final RuntimeApiHandler runtimeApi;

    PortRouter(ServerConnector api, EdgeHandler edge, RuntimeApiHandler runtimeApi) {
      this.api = api;
      this.edge = edge;
      this.runtimeApi = runtimeApi;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      if (Request.getLocalPort(request) == api.getLocalPort()) {
        return edge.handle(request, response, callback);
      }

      runtimeApi.handle(request, response, callback);
      return true;
    }
  }
}
