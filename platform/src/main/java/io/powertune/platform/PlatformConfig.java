package io.powertune.platform;

import io.powertune.platform.trusted.TrustedHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How a platform runs.
 *
 * @param port the API port on 127.0.0.1; 0 picks a free one
 * @param stateDir where the database, credentials, endpoint and unpacked code live
 * @param idleTimeout how long an idle execution environment is kept warm
 * @param eventRetryDelays the delays before retrying a failed Event invocation (Lambda: 1 and 2
 *     min)
 * @param accountConcurrency the account's concurrent executions limit
 * @param clock the clock for timestamps
 * @param cgroupRoot where the cgroup file system is mounted (normally /sys/fs/cgroup); null runs
 *     environments without CPU and memory limits
 * @param admissionWait how long an invocation (or a cold start) waits for its CPU share before it
 *     is throttled with 429
 * @param trustedHandlers handlers on the platform's classpath that run inside its JVM when a
 *     function names them with exactly their code (see {@link TrustedHandler})
 */
public record PlatformConfig(
    int port,
    Path stateDir,
    Duration idleTimeout,
    List<Duration> eventRetryDelays,
    int accountConcurrency,
    Clock clock,
    Path cgroupRoot,
    Duration admissionWait,
    List<TrustedHandler> trustedHandlers) {

  public PlatformConfig {
    eventRetryDelays = List.copyOf(eventRetryDelays);
    trustedHandlers = List.copyOf(trustedHandlers);
  }

  /** A configuration without trusted handlers: every function runs in its own process. */
  public PlatformConfig(
      int port,
      Path stateDir,
      Duration idleTimeout,
      List<Duration> eventRetryDelays,
      int accountConcurrency,
      Clock clock,
      Path cgroupRoot,
      Duration admissionWait) {
    this(
        port,
        stateDir,
        idleTimeout,
        eventRetryDelays,
        accountConcurrency,
        clock,
        cgroupRoot,
        admissionWait,
        List.of());
  }

  /** This configuration with functions run unlimited (no cgroups, no /tmp size). */
  public PlatformConfig withoutLimits() {
    return new PlatformConfig(
        port,
        stateDir,
        idleTimeout,
        eventRetryDelays,
        accountConcurrency,
        clock,
        null,
        admissionWait,
        trustedHandlers);
  }

  /** This configuration with another bound on waiting for CPU. */
  public PlatformConfig withAdmissionWait(Duration wait) {
    return new PlatformConfig(
        port,
        stateDir,
        idleTimeout,
        eventRetryDelays,
        accountConcurrency,
        clock,
        cgroupRoot,
        wait,
        trustedHandlers);
  }

  /** This configuration with handlers that run inside the platform's JVM. */
  public PlatformConfig withTrustedHandlers(List<TrustedHandler> handlers) {
    return new PlatformConfig(
        port,
        stateDir,
        idleTimeout,
        eventRetryDelays,
        accountConcurrency,
        clock,
        cgroupRoot,
        admissionWait,
        handlers);
  }

  /**
   * Lambda's defaults: environments kept 10 minutes, retries after 1 and 2 minutes, 1000 slots;
   * invocations wait up to 30 s for CPU.
   */
  public static PlatformConfig defaults(int port, Path stateDir) {
    return new PlatformConfig(
        port,
        stateDir,
        Duration.ofMinutes(10),
        List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)),
        1000,
        Clock.systemUTC(),
        Path.of("/sys/fs/cgroup"),
        Duration.ofSeconds(30));
  }
}
