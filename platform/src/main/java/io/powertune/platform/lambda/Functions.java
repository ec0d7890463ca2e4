package io.powertune.platform.lambda;

import io.powertune.platform.lambda.errors.ResourceNotFoundException;
import io.powertune.platform.lambda.model.AliasConfig;
import io.powertune.platform.lambda.model.FunctionConfig;
import io.powertune.platform.lambda.model.FunctionKey;
import io.powertune.platform.lambda.model.FunctionRef;
import io.powertune.platform.lambda.model.FunctionState;
import io.powertune.platform.lambda.model.UpdateStatus;
import io.powertune.platform.store.FunctionStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Lookups shared by the Lambda operations: resolving a name and qualifier to a version, and
 * settling a version's state. A version reported Pending (or an update reported InProgress) in one
 * response is Active (Successful) from the next read on: the work behind the transition is done
 * before the response that announced it, so every later read is consistent.
 */
public final class Functions {

  private static final DateTimeFormatter LAST_MODIFIED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);

  private final FunctionStore store;
  private final Clock clock;

  public Functions(FunctionStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public FunctionStore store() {
    return store;
  }

  /** Lambda's timestamp for now, e.g. {@code 2026-11-22T10:00:00.000+0000}. */
  public String now() {
    return LAST_MODIFIED.format(clock.instant());
  }

  public String newRevisionId() {
    return UUID.randomUUID().toString();
  }

  /**
   * Resolves a reference to the version it names.
   *
   * @throws ResourceNotFoundException when the function, version or alias does not exist
   */
  public Resolved resolve(FunctionRef ref) {
    FunctionKey key = ref.key();
    String qualifier = ref.qualifier() == null ? "$LATEST" : ref.qualifier();
    String version = qualifier;
    if (!qualifier.equals("$LATEST") && !qualifier.matches("\\d+")) {
      AliasConfig alias = store.alias(key, qualifier).orElseThrow(() -> notFound(ref));
      version = alias.functionVersion();
    }
    FunctionConfig config = store.version(key, version).orElseThrow(() -> notFound(ref));
    return new Resolved(ref, version, settle(key, version, config));
  }

  /** Throws unless the function exists. */
  public void requireFunction(FunctionRef ref) {
    if (!store.exists(ref.key())) {
      throw notFound(FunctionRef.unqualified(ref.key()));
    }
  }

  public static ResourceNotFoundException notFound(FunctionRef ref) {
    return new ResourceNotFoundException("Function not found: " + ref.arn());
  }

  /**
   * Completes a reported transition (Pending to Active, InProgress to Successful) and stores it.
   */
  public FunctionConfig settle(FunctionKey key, String version, FunctionConfig config) {
    if (config.state() != FunctionState.Pending
        && config.lastUpdateStatus() != UpdateStatus.InProgress) {
      return config;
    }
    FunctionState state =
        config.state() == FunctionState.Pending
            ? config.state().to(FunctionState.Active)
            : config.state();
    UpdateStatus update =
        config.lastUpdateStatus() == UpdateStatus.InProgress
            ? config.lastUpdateStatus().to(UpdateStatus.Successful)
            : config.lastUpdateStatus();
    FunctionConfig settled = config.withStatus(state, null, null, update);
    // only if no other write came in since this snapshot was read
    return store.replaceIfUnchanged(key, version, config, settled).orElse(settled);
  }
}
