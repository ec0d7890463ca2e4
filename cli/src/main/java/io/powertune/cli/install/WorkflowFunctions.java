package io.powertune.cli.install;

import io.powertune.tuner.TunerFunctions.TunerFunction;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;

/**
 * The workflow's functions: each a java21 function from the tuner package with SnapStart on its
 * published versions and a {@code live} alias on the newest, which the state machine calls (as the
 * template's AutoPublishAlias makes them). A change publishes a version, moves the alias and
 * deletes the versions it left.
 */
final class WorkflowFunctions {

  /** The alias the state machine calls. */
  static final String ALIAS = "live";

  /**
   * One function brought up to date, before its version is published.
   *
   * @param function the workflow function
   * @param aliasArn its live alias's ARN, or null when it has none yet
   * @param publish true when the alias must move to a new version: something changed, or the
   *     version it points at is not what is wanted (an install that stopped half way)
   * @param changed true when the function was created or updated
   */
  record Prepared(TunerFunction function, String aliasArn, boolean publish, boolean changed) {}

  private final LambdaClient lambda;
  private final TunerPackage tunerPackage;
  private final InstallSettings settings;
  private final Map<String, String> arns = new HashMap<>();

  WorkflowFunctions(LambdaClient lambda, TunerPackage tunerPackage, InstallSettings settings) {
    this.lambda = lambda;
    this.tunerPackage = tunerPackage;
    this.settings = settings;
  }

  /** The unqualified ARN of a function {@link #prepare} deployed. */
  String arn(TunerFunction function) {
    return arns.get(function.name());
  }

  /** Creates the function or brings its code and settings up to date. */
  Prepared prepare(TunerFunction function, String role, boolean rolePropagating) {
    String name = function.name();
    FunctionConfiguration current = find(name, null);
    boolean changed;
    if (current == null) {
      current = create(function, role, rolePropagating);
      changed = true;
    } else {
      changed = update(function, current, role, rolePropagating);
    }
    arns.put(name, unqualified(current.functionArn()));
    String alias = alias(name);
    FunctionConfiguration live = alias == null ? null : find(name, ALIAS);
    boolean publish = changed || live == null || differs(function, live, role);
    return new Prepared(function, alias, publish, changed);
  }

  /** Publishes the function's version (SnapStart takes its snapshot now); returns its number. */
  String publish(TunerFunction function) {
    return lambda.publishVersion(r -> r.functionName(function.name())).version();
  }

  /**
   * Waits until the version is Active (a minute or two with SnapStart on AWS; started together, the
   * seven take about as long as one), moves the alias to it and deletes older versions.
   *
   * @return the alias's ARN
   */
  String point(Prepared prepared, String version) {
    String name = prepared.function().name();
    lambda
        .waiter()
        .waitUntilPublishedVersionActive(
            r -> r.functionName(name).qualifier(version),
            w -> w.maxAttempts(120).waitTimeout(java.time.Duration.ofMinutes(10)));
    String alias = point(name, version, prepared.aliasArn() != null);
    deleteVersionsBut(name, version);
    return alias;
  }

  /** $LATEST's (qualifier null) or a version's or alias's configuration; null when missing. */
  private FunctionConfiguration find(String name, String qualifier) {
    try {
      return lambda.getFunction(r -> r.functionName(name).qualifier(qualifier)).configuration();
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  /** True when a configuration's code or settings are not the wanted ones. */
  private boolean differs(TunerFunction function, FunctionConfiguration current, String role) {
    Map<String, String> variables =
        current.environment() == null ? Map.of() : current.environment().variables();
    return !tunerPackage.sha256().equals(current.codeSha256())
        || current.runtime() != Runtime.JAVA21
        || !function.handler().equals(current.handler())
        || !role.equals(current.role())
        || current.memorySize() != settings.memoryOf(function)
        || current.timeout() != settings.timeoutSeconds()
        || !settings.variables().equals(variables);
  }

  private FunctionConfiguration create(TunerFunction function, String role, boolean propagating) {
    SdkBytes code = SdkBytes.fromByteArray(tunerPackage.bytes());
    Propagation.retry(
        propagating,
        () ->
            lambda.createFunction(
                r ->
                    r.functionName(function.name())
                        .runtime(Runtime.JAVA21)
                        .handler(function.handler())
                        .role(role)
                        .architectures(Architecture.ARM64)
                        .memorySize(settings.memoryOf(function))
                        .timeout(settings.timeoutSeconds())
                        .environment(e -> e.variables(settings.variables()))
                        .snapStart(s -> s.applyOn(SnapStartApplyOn.PUBLISHED_VERSIONS))
                        .description("powertune workflow step")
                        .code(c -> c.zipFile(code))));
    lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(function.name()));
    return find(function.name(), null);
  }

  /** Brings code and configuration up to date; true when either changed. */
  private boolean update(
      TunerFunction function, FunctionConfiguration current, String role, boolean propagating) {
    String name = function.name();
    boolean changed = false;
    if (!tunerPackage.sha256().equals(current.codeSha256())) {
      lambda.updateFunctionCode(
          r -> r.functionName(name).zipFile(SdkBytes.fromByteArray(tunerPackage.bytes())));
      lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(name));
      changed = true;
    }
    FunctionConfiguration codeUpToDate =
        current.toBuilder().codeSha256(tunerPackage.sha256()).build();
    if (differs(function, codeUpToDate, role)) {
      Propagation.retry(
          propagating,
          () ->
              lambda.updateFunctionConfiguration(
                  r ->
                      r.functionName(name)
                          .runtime(Runtime.JAVA21)
                          .handler(function.handler())
                          .role(role)
                          .memorySize(settings.memoryOf(function))
                          .timeout(settings.timeoutSeconds())
                          .environment(e -> e.variables(settings.variables()))
                          .snapStart(s -> s.applyOn(SnapStartApplyOn.PUBLISHED_VERSIONS))));
      lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(name));
      changed = true;
    }
    return changed;
  }

  /** The live alias's ARN, or null when there is none. */
  private String alias(String name) {
    try {
      return lambda.getAlias(r -> r.functionName(name).name(ALIAS)).aliasArn();
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  private String point(String name, String version, boolean exists) {
    if (exists) {
      return lambda
          .updateAlias(r -> r.functionName(name).name(ALIAS).functionVersion(version))
          .aliasArn();
    }
    return lambda
        .createAlias(
            r ->
                r.functionName(name)
                    .name(ALIAS)
                    .functionVersion(version)
                    .description("the version the powertune state machine calls"))
        .aliasArn();
  }

  /** Deletes the published versions the alias left (a step never runs an old version). */
  private void deleteVersionsBut(String name, String kept) {
    lambda.listVersionsByFunctionPaginator(r -> r.functionName(name)).versions().stream()
        .map(FunctionConfiguration::version)
        .filter(v -> !v.equals("$LATEST") && !v.equals(kept))
        .forEach(
            v -> {
              try {
                lambda.deleteFunction(r -> r.functionName(name).qualifier(v));
              } catch (ResourceNotFoundException e) {
                // already gone
              }
            });
  }

  private static String unqualified(String arn) {
    String[] parts = arn.split(":");
    return parts.length > 7 ? String.join(":", Arrays.copyOf(parts, 7)) : arn;
  }
}
