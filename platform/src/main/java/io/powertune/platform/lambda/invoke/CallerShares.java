package io.powertune.platform.lambda.invoke;

import io.powertune.platform.resources.AdmissionControl;
import io.powertune.platform.runtime.ExecutionEnvironment;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CPU shares of the invocations running now, by their environment's session token. A function
 * that invokes another synchronously waits for it and uses no CPU meanwhile: its share is lent to
 * the call and taken back when the call returns. Without this a caller and its callee could not fit
 * on the host together (a 3,008 MB function calling a 1,769 MB one needs 2.7 vCPUs), and the callee
 * would be throttled while its caller holds CPU it does not use.
 */
final class CallerShares {

  /** What a lent share's caller gets back when the call returns; closing it takes the share. */
  interface Loan extends AutoCloseable {
    @Override
    void close();
  }

  private static final Loan NOTHING_LENT = () -> {};

  private final AdmissionControl admission;
  private final Duration wait;
  private final Map<String, Held> running = new ConcurrentHashMap<>();

  /**
   * @param admission the host's admission control
   * @param wait how long a caller waits to take its share back before it takes it regardless
   */
  CallerShares(AdmissionControl admission, Duration wait) {
    this.admission = admission;
    this.wait = wait;
  }

  /** Registers a running invocation's share until the returned hold is closed. */
  Held hold(ExecutionEnvironment env, AdmissionControl.Permit permit, double vcpus) {
    Held held = new Held(env, permit, vcpus);
    running.put(env.sessionToken(), held);
    return held;
  }

  /**
   * Lends the share of the invocation whose environment signed with {@code sessionToken} (a
   * request's {@code X-Amz-Security-Token}) for the duration of a synchronous call; nothing when
   * the request did not come from a running invocation.
   */
  Loan lend(String sessionToken) {
    Held held = sessionToken == null ? null : running.get(sessionToken);
    if (held == null) {
      return NOTHING_LENT;
    }
    held.lend();
    return held::takeBack;
  }

  /** A running invocation's share, lent while it has calls in flight. */
  final class Held implements AutoCloseable {

    private final ExecutionEnvironment env;
    private final double vcpus;
    private AdmissionControl.Permit permit;
    private int calls;
    private boolean closed;

    private Held(ExecutionEnvironment env, AdmissionControl.Permit permit, double vcpus) {
      this.env = env;
      this.permit = permit;
      this.vcpus = vcpus;
    }

    private synchronized void lend() {
      if (calls++ == 0 && !closed && permit != null) {
        permit.close();
        permit = null;
        env.yieldCpu();
      }
    }

    /**
     * The last call in flight returned: the share is taken back (beyond the capacity when it does
     * not come in time, or when the wait is interrupted: a running invocation is never throttled).
     */
    private synchronized void takeBack() {
      if (--calls > 0 || closed || permit != null) {
        return;
      }
      boolean interrupted = false;
      try {
        permit = admission.acquireOrExceed(vcpus, wait);
      } catch (InterruptedException e) {
        interrupted = true;
        permit = admission.exceed(vcpus);
      } finally {
        env.restoreCpu();
        if (permit != null) {
          env.pin(permit.cpu());
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    /** The invocation ended: its share goes back to the host, lent or not. */
    @Override
    public synchronized void close() {
      running.remove(env.sessionToken(), this);
      closed = true;
      if (permit != null) {
        permit.close();
        permit = null;
      } else {
        env.restoreCpu(); // lent: the environment's next invocation starts with its own share
      }
    }
  }
}
