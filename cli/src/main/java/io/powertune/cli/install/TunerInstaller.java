package io.powertune.cli.install;

import io.powertune.statemachine.PowerTuningDefinition;
import io.powertune.tuner.TunerFunctions;
import io.powertune.tuner.TunerFunctions.TunerFunction;
import io.powertune.tuner.aws.TunerEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/**
 * Installs the tuner on an endpoint: the six workflow functions from the shipped package and the
 * {@code powertune} state machine from the one ASL definition. Whatever is missing is created and
 * whatever is out of date is updated; installing again changes nothing.
 */
public final class TunerInstaller {

  /** The role the tuner's functions and state machine name (the platform does not check it). */
  public static final String ROLE = "arn:aws:iam::000000000000:role/powertune-tuner";

  /** The functions' memory: a full vCPU, for quick steps when they run as processes. */
  public static final int MEMORY_MB = 1769;

  /** The functions' timeout: Lambda's longest; an Executor call returns its progress before it. */
  public static final int TIMEOUT_SECONDS = 900;

  /**
   * The functions' variables on a platform whose functions share one host: sizes are measured one
   * at a time, since sizes measured together slow each other (measured: up to 20% at 1,024 MB on
   * two cores) where on AWS each runs on machines of its own.
   */
  public static final Map<String, String> SHARED_HOST =
      Map.of(TunerEnvironment.CONCURRENT_SIZES, "1");

  private final LambdaClient lambda;
  private final SfnClient sfn;
  private final TunerPackage tunerPackage;
  private final Map<String, String> variables;

  /**
   * @param variables the workflow functions' environment variables
   */
  public TunerInstaller(
      LambdaClient lambda,
      SfnClient sfn,
      TunerPackage tunerPackage,
      Map<String, String> variables) {
    this.lambda = lambda;
    this.sfn = sfn;
    this.tunerPackage = tunerPackage;
    this.variables = Map.copyOf(variables);
  }

  /** Installs what is missing or out of date; returns the state machine's ARN. */
  public String install() {
    Map<String, String> arns = new LinkedHashMap<>();
    for (TunerFunction function : TunerFunctions.ALL) {
      arns.put(function.placeholder(), ensure(function));
    }
    return ensureStateMachine(PowerTuningDefinition.substitute(arns));
  }

  private String ensure(TunerFunction function) {
    FunctionConfiguration current;
    try {
      current = lambda.getFunction(r -> r.functionName(function.name())).configuration();
    } catch (ResourceNotFoundException e) {
      return create(function);
    }
    if (!tunerPackage.sha256().equals(current.codeSha256())) {
      lambda.updateFunctionCode(
          r ->
              r.functionName(function.name())
                  .zipFile(SdkBytes.fromByteArray(tunerPackage.bytes())));
      lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(function.name()));
    }
    if (current.runtime() != Runtime.JAVA21
        || !function.handler().equals(current.handler())
        || current.memorySize() != MEMORY_MB
        || current.timeout() != TIMEOUT_SECONDS
        || !variables.equals(
            current.environment() == null ? Map.of() : current.environment().variables())) {
      lambda.updateFunctionConfiguration(
          r ->
              r.functionName(function.name())
                  .runtime(Runtime.JAVA21)
                  .handler(function.handler())
                  .memorySize(MEMORY_MB)
                  .timeout(TIMEOUT_SECONDS)
                  .environment(e -> e.variables(variables)));
      lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(function.name()));
    }
    return current.functionArn();
  }

  private String create(TunerFunction function) {
    String arn =
        lambda
            .createFunction(
                r ->
                    r.functionName(function.name())
                        .runtime(Runtime.JAVA21)
                        .handler(function.handler())
                        .role(ROLE)
                        .memorySize(MEMORY_MB)
                        .timeout(TIMEOUT_SECONDS)
                        .environment(e -> e.variables(variables))
                        .description("powertune workflow step")
                        .code(c -> c.zipFile(SdkBytes.fromByteArray(tunerPackage.bytes()))))
            .functionArn();
    lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(function.name()));
    return arn;
  }

  private String ensureStateMachine(String definition) {
    Optional<StateMachineListItem> existing =
        sfn.listStateMachinesPaginator(r -> r.maxResults(100)).stateMachines().stream()
            .filter(m -> m.name().equals(TunerFunctions.STATE_MACHINE))
            .findFirst();
    if (existing.isEmpty()) {
      return sfn.createStateMachine(
              r -> r.name(TunerFunctions.STATE_MACHINE).definition(definition).roleArn(ROLE))
          .stateMachineArn();
    }
    String arn = existing.get().stateMachineArn();
    if (!definition.equals(sfn.describeStateMachine(r -> r.stateMachineArn(arn)).definition())) {
      sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition(definition));
    }
    return arn;
  }
}
