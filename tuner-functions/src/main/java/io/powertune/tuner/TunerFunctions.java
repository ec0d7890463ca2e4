package io.powertune.tuner;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.powertune.tuner.handlers.AnalyzerHandler;
import io.powertune.tuner.handlers.CleanerHandler;
import io.powertune.tuner.handlers.ExecutorHandler;
import io.powertune.tuner.handlers.InitializerHandler;
import io.powertune.tuner.handlers.OptimizerHandler;
import io.powertune.tuner.handlers.PublisherHandler;
import io.powertune.tuner.handlers.RacerHandler;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The seven functions of the tuning workflow, as they are deployed and named in the ASL. */
public final class TunerFunctions {

  /**
   * One workflow function.
   *
   * @param name the function's name where powertune installs it
   * @param placeholder the ASL's {@code ${...}} placeholder for its ARN
   * @param handlerClass the handler's class
   * @param factory makes the handler from the variables of its environment (in-process use)
   * @param lambdaActions exactly the Lambda actions the step calls, as IAM names them: its role
   *     grants these and nothing more (infra/template.yaml, the installer), and its clients refuse
   *     any other ({@link io.powertune.tuner.aws.GrantedActions})
   * @param readsPayloadS3 true when the step reads an input's {@code payloadS3} object (its role
   *     may then read the deployment's payload bucket)
   */
  public record TunerFunction(
      String name,
      String placeholder,
      Class<? extends RequestStreamHandler> handlerClass,
      Function<Map<String, String>, RequestStreamHandler> factory,
      Set<String> lambdaActions,
      boolean readsPayloadS3) {

    public TunerFunction {
      lambdaActions = Set.copyOf(lambdaActions);
    }

    /** The handler string Lambda's Java runtime reads. */
    public String handler() {
      return handlerClass.getName() + "::handleRequest";
    }
  }

  private static final String GET_CONFIGURATION = "lambda:GetFunctionConfiguration";
  private static final String UPDATE_CONFIGURATION = "lambda:UpdateFunctionConfiguration";
  private static final String PUBLISH_VERSION = "lambda:PublishVersion";
  private static final String CREATE_ALIAS = "lambda:CreateAlias";
  private static final String UPDATE_ALIAS = "lambda:UpdateAlias";

  /** Every workflow function, in the order a run reaches them. */
  public static final List<TunerFunction> ALL =
      List.of(
          // reads the target's (and processors') configuration and refuses foreign RAM aliases
          new TunerFunction(
              "powertune-initializer",
              "initializerArn",
              InitializerHandler.class,
              InitializerHandler::new,
              Set.of(GET_CONFIGURATION, "lambda:ListAliases"),
              true),
          // sets $LATEST's memory, publishes it and points the size's alias at the version
          new TunerFunction(
              "powertune-publisher",
              "publisherArn",
              PublisherHandler.class,
              PublisherHandler::new,
              Set.of(
                  GET_CONFIGURATION,
                  UPDATE_CONFIGURATION,
                  PUBLISH_VERSION,
                  CREATE_ALIAS,
                  UPDATE_ALIAS),
              false),
          // waits for the alias's version, invokes it (and the processors)
          new TunerFunction(
              "powertune-executor",
              "executorArn",
              ExecutorHandler.class,
              ExecutorHandler::new,
              Set.of(GET_CONFIGURATION, "lambda:InvokeFunction"),
              true),
          // deletes the run's aliases and versions and restores $LATEST
          new TunerFunction(
              "powertune-cleaner",
              "cleanerArn",
              CleanerHandler.class,
              CleanerHandler::new,
              Set.of(
                  GET_CONFIGURATION,
                  UPDATE_CONFIGURATION,
                  "lambda:ListVersionsByFunction",
                  "lambda:DeleteAlias",
                  "lambda:DeleteFunction"),
              false),
          // adaptive sampling: decides between rounds which sizes to measure more; no call at all
          new TunerFunction(
              "powertune-racer",
              "racerArn",
              RacerHandler.class,
              RacerHandler::new,
              Set.of(),
              false),
          // pure analysis: no call at all
          new TunerFunction(
              "powertune-analyzer",
              "analyzerArn",
              AnalyzerHandler.class,
              AnalyzerHandler::new,
              Set.of(),
              false),
          // applies the pick to $LATEST, or publishes it behind the named alias
          new TunerFunction(
              "powertune-optimizer",
              "optimizerArn",
              OptimizerHandler.class,
              OptimizerHandler::new,
              Set.of(
                  GET_CONFIGURATION,
                  UPDATE_CONFIGURATION,
                  PUBLISH_VERSION,
                  CREATE_ALIAS,
                  UPDATE_ALIAS),
              false));

  /** The function whose handler is {@code handlerClass}. */
  public static TunerFunction of(Class<?> handlerClass) {
    return ALL.stream()
        .filter(f -> f.handlerClass().equals(handlerClass))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a workflow handler: " + handlerClass));
  }

  /** The Cleaner, which a command also calls itself when it stops a run. */
  public static TunerFunction cleaner() {
    return byPlaceholder("cleanerArn");
  }

  /** The Executor, which waits for the function it measures. */
  public static TunerFunction executor() {
    return byPlaceholder("executorArn");
  }

  private static TunerFunction byPlaceholder(String placeholder) {
    return ALL.stream().filter(f -> f.placeholder().equals(placeholder)).findFirst().orElseThrow();
  }

  /** The state machine's name where powertune installs it. */
  public static final String STATE_MACHINE = "powertune";

  private TunerFunctions() {}
}
