package io.powertune.platform.runtime;

import io.powertune.platform.auth.PlatformCredentials;
import io.powertune.platform.auth.SessionCredentials;
import io.powertune.platform.auth.SessionKeys;
import io.powertune.platform.lambda.model.FunctionKey;
import io.powertune.platform.resources.CpuShare;
import io.powertune.platform.resources.EphemeralStorage;
import io.powertune.platform.resources.FunctionUsers;
import io.powertune.platform.resources.Isolation;
import io.powertune.platform.resources.NoResourceControl;
import io.powertune.platform.resources.PrivateTmp;
import io.powertune.platform.resources.ResourceControl;
import io.powertune.platform.resources.ResourceGroup;
import io.powertune.platform.resources.SharedTmpStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Warm execution environments per function version, started on demand, reused one invocation at a
 * time, and reaped after they idle for too long.
 */
public final class EnvironmentPool implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EnvironmentPool.class);

  /** An environment taken for one invocation. */
  public record Lease(ExecutionEnvironment env, boolean cold) {}

  private final Server server;
  private final RuntimeApiHandler runtimeApi;
  private final Path runtimesDir;

  /** Whether the platform unpacked the Java client's native library for this host. */
  private final boolean nativeClient;

  private final Path tmpRoot;
  private final FifoSpares fifos;
  private final PlatformCredentials credentials;
  private final SessionKeys sessions;
  private final URI endpoint;
  private final Clock clock;
  private final Duration idleTimeout;
  private final ResourceControl resources;
  private final EphemeralStorage storage;
  private final FunctionUsers users;
  private final String scope;
  private final LanguageHomes languages = new LanguageHomes();
  private final Map<String, Deque<ExecutionEnvironment>> idle = new ConcurrentHashMap<>();
  private final Set<ExecutionEnvironment> all = ConcurrentHashMap.newKeySet();
  private final Map<ExecutionEnvironment, ServerConnector> connectors = new ConcurrentHashMap<>();
  private final List<java.util.function.Consumer<ExecutionEnvironment>> endListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ScheduledExecutorService reaper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "environment-reaper");
            t.setDaemon(true);
            return t;
          });

  public EnvironmentPool(
      Server server,
      RuntimeApiHandler runtimeApi,
      Path runtimesDir,
      Path tmpRoot,
      PlatformCredentials credentials,
      SessionKeys sessions,
      URI endpoint,
      Clock clock,
      Duration idleTimeout,
      ResourceControl resources,
      EphemeralStorage storage,
      FunctionUsers users,
      String scope) {
    this.users = users;
    this.scope = scope;
    int stale = resources.removeStale(scope + "-");
    if (stale > 0) {
      LOG.info("removed {} environments a platform that did not stop cleanly left", stale);
    }
    this.sessions = sessions;
    this.resources = resources;
    this.storage = storage;
    this.server = server;
    this.runtimeApi = runtimeApi;
    this.runtimesDir = runtimesDir;
    this.nativeClient = JavaClientLibrary.unpackedIn(runtimesDir.resolve("java"));
    this.tmpRoot = tmpRoot;
    deleteContents(tmpRoot); // what the environments of a platform that crashed left behind
    this.fifos = new FifoSpares(tmpRoot.resolve(".fifos"));
    this.credentials = credentials;
    this.endpoint = endpoint;
    this.clock = clock;
    this.idleTimeout = idleTimeout;
    long period = Math.max(1, Math.min(idleTimeout.toMillis() / 2, 1000));
    reaper.scheduleWithFixedDelay(this::reap, period, period, TimeUnit.MILLISECONDS);
  }

  /** Whether an environment for the spec is idle now (another caller may take it first). */
  public boolean hasWarm(EnvironmentSpec spec) {
    Deque<ExecutionEnvironment> queue = idle.get(spec.poolKey());
    if (queue == null) {
      return false;
    }
    synchronized (queue) {
      return queue.stream().anyMatch(env -> !env.dead() && !env.retired());
    }
  }

  /**
   * A warm environment for the spec, or null when none is idle: the most recently used one that
   * already waits for its next invocation, else the most recently used one.
   */
  public Lease warm(EnvironmentSpec spec) {
    Deque<ExecutionEnvironment> queue = idle.get(spec.poolKey());
    if (queue == null) {
      return null;
    }
    List<ExecutionEnvironment> unusable = new ArrayList<>();
    ExecutionEnvironment chosen = null;
    synchronized (queue) {
      queue.removeIf(env -> (env.dead() || env.retired()) && unusable.add(env));
      for (var it = queue.descendingIterator(); it.hasNext() && chosen == null; ) {
        ExecutionEnvironment env = it.next();
        if (env.waitingForNext()) {
          it.remove();
          chosen = env;
        }
      }
      if (chosen == null) {
        chosen = queue.pollLast();
      }
    }
    unusable.forEach(this::end); // a retired one still runs: the reaper may not see it again
    return chosen == null ? null : new Lease(chosen, false);
  }

  /**
   * Starts a new environment (a cold start) whose init phase runs with the burst share on {@code
   * cpu} (-1: any CPU), its output going to the sink {@code initSink} makes for its log stream's
   * name.
   */
  public Lease start(
      EnvironmentSpec spec, java.util.function.Function<String, OutputSink> initSink, int cpu) {
    return new Lease(spawn(spec, initSink, cpu), true);
  }

  /** Returns an environment after an invocation; a dead or retired one is ended instead. */
  public void release(ExecutionEnvironment env) {
    if (env.dead() || env.retired()) {
      end(env);
      return;
    }
    Deque<ExecutionEnvironment> queue =
        idle.computeIfAbsent(env.spec().poolKey(), k -> new ArrayDeque<>());
    synchronized (queue) {
      queue.addLast(env);
    }
  }

  /**
   * Ends an environment at once (after a timeout, crash or init failure); once only, however many
   * paths see it go (its exit, the reaper, a caller): its uid must not be freed twice, when it may
   * already be another environment's.
   */
  public void end(ExecutionEnvironment env) {
    if (!all.remove(env)) {
      return;
    }
    env.kill();
    sessions.revoke(env.credentials());
    env.uid().ifPresent(users::release);
    endListeners.forEach(listener -> listener.accept(env));
    ServerConnector connector = connectors.remove(env);
    if (connector != null) {
      runtimeApi.unregister(connector.getLocalPort());
      try {
        connector.stop();
      } catch (Exception e) {
        LOG.debug("stopping a runtime connector failed", e);
      }
      server.removeConnector(connector);
    }
  }

  /**
   * No environment of this version serves again: from now on none is handed out; idle ones end in
   * the background (ending one stops its process and unmounts its /tmp, which the API call that
   * retired it does not wait for), busy ones after their call.
   */
  public void retire(FunctionKey key, String version) {
    for (ExecutionEnvironment env : all) {
      if (env.spec().key().equals(key) && env.spec().version().equals(version)) {
        env.retire();
      }
    }
    reaper.execute(() -> reapWhere(ExecutionEnvironment::retired));
  }

  /** Calls {@code listener} once for every environment that ends, whatever ended it. */
  public void onEnd(java.util.function.Consumer<ExecutionEnvironment> listener) {
    endListeners.add(listener);
  }

  /**
   * The variables of an environment of {@code spec} that runs inside the platform's JVM (no Runtime
   * API port), with a temporary directory of its own.
   */
  public Map<String, String> inProcessEnvironment(EnvironmentSpec spec, String stream) {
    Path tmp = tmpRoot.resolve("in-process").resolve(stream.substring(stream.indexOf(']') + 1));
    try {
      Files.createDirectories(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // the platform's own handlers, in its JVM, act with its key
    return RuntimeLaunch.environment(
        spec,
        RuntimeLaunch.Paths.platforms(spec.codeDir(), runtimesDir),
        "",
        stream,
        AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey()),
        endpoint,
        tmp);
  }

  private static void deleteContents(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .filter(p -> !p.equals(dir))
          .forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("cannot clear {}: {}", dir, e.getMessage());
    }
  }

  /**
   * The prefix of the names of the cgroups of a state directory's environments: one platform serves
   * a state directory at a time, so a group with this prefix and no live environment was left by
   * one that did not stop cleanly.
   */
  public static String scopeOf(Path stateDir) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(
                  stateDir
                      .toAbsolutePath()
                      .normalize()
                      .toString()
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "pt" + java.util.HexFormat.of().formatHex(digest, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Environments alive now. */
  public List<ExecutionEnvironment> environments() {
    return List.copyOf(all);
  }

  private ExecutionEnvironment spawn(
      EnvironmentSpec spec, java.util.function.Function<String, OutputSink> initSink, int cpu) {
    String id = LogStreams.newId();
    String stream = LogStreams.name(clock.instant(), spec.version(), id);
    CpuShare share = CpuShare.forMemory(spec.config().memorySize(), resources.hostCores());
    ResourceGroup group = group(id, spec.config().memorySize());
    OptionalInt uid = storage.isolates() ? users.acquire() : OptionalInt.empty();
    Isolation isolation =
        uid.isPresent()
            ? new Isolation(
                uid.getAsInt(),
                spec.codeDir(),
                runtimesDir,
                languages.toMount(spec.config().runtime()).orElse(null))
            : null;
    PrivateTmp tmp = tmp(id, spec.config().ephemeralStorage(), isolation);
    ExecutionEnvironment env =
        new ExecutionEnvironment(
            id,
            spec,
            stream,
            tmpRoot.resolve(id),
            clock.millis(),
            group,
            share,
            tmp,
            sessions.issue(),
            uid);
    env.startInit(CpuShare.forInit(spec.config().memorySize(), resources.hostCores()), cpu);
    ServerConnector connector = new ServerConnector(server, 0, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    try {
      connector.start();
    } catch (Exception e) {
      server.removeConnector(connector);
      throw new EnvironmentStartException("cannot open a Runtime API port: " + e.getMessage(), e);
    }
    runtimeApi.register(connector.getLocalPort(), env);
    connectors.put(env, connector);
    all.add(env);
    String api = "127.0.0.1:" + connector.getLocalPort();
    List<String> command = new ArrayList<>(tmp.enterCommand());
    command.addAll(group.enterCommand());
    uid.ifPresent(u -> command.addAll(users.dropCommand(u)));
    RuntimeLaunch.Paths paths =
        isolation == null
            ? RuntimeLaunch.Paths.platforms(spec.codeDir(), runtimesDir)
            : RuntimeLaunch.Paths.isolated(isolation.languageHome() != null);
    command.addAll(RuntimeLaunch.command(spec, paths, share, nativeClient));
    env.start(
        command,
        RuntimeLaunch.environment(
            spec, paths, api, stream, identity(env.credentials()), endpoint, tmp.tmpDir()),
        initSink.apply(stream),
        this::end,
        fifos);
    return env;
  }

  private static AwsSessionCredentialsIdentity identity(SessionCredentials session) {
    return AwsSessionCredentialsIdentity.create(
        session.accessKeyId(), session.secretAccessKey(), session.sessionToken());
  }

  /** The environment's /tmp; a shared one (and a warning) if its own cannot be made. */
  private PrivateTmp tmp(String id, int sizeMb, Isolation isolation) {
    try {
      return storage.prepare(tmpRoot.resolve(id), sizeMb, isolation);
    } catch (RuntimeException e) {
      if (isolation != null) {
        users.release(isolation.uid());
        throw new EnvironmentStartException(
            "cannot give the environment its own /tmp: " + e.getMessage(), e);
      }
      LOG.warn("environment {} runs without its own /tmp: {}", id, e.getMessage());
      return new SharedTmpStorage(e.getMessage()).prepare(tmpRoot.resolve(id), sizeMb, null);
    }
  }

  /** The environment's resource group; without one (and a warning) if the group cannot be made. */
  private ResourceGroup group(String id, int memoryMb) {
    try {
      return resources.create(scope + "-" + id, memoryMb);
    } catch (RuntimeException e) {
      LOG.warn("environment {} runs without CPU and memory limits: {}", id, e.getMessage());
      return new NoResourceControl(e.getMessage(), resources.hostCores()).create(id, memoryMb);
    }
  }

  private void reap() {
    long now = System.nanoTime();
    reapWhere(env -> env.dead() || now - env.lastUsedNanos() > idleTimeout.toNanos());
  }

  private void reapWhere(java.util.function.Predicate<ExecutionEnvironment> condition) {
    for (Deque<ExecutionEnvironment> queue : idle.values()) {
      synchronized (queue) {
        queue.removeIf(
            env -> {
              if (condition.test(env)) {
                end(env);
                return true;
              }
              return false;
            });
      }
    }
  }

  @Override
  public void close() {
    reaper.shutdownNow();
    all.forEach(this::end);
    fifos.close();
  }
}
