package io.powertune.tuner;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.powertune.tuner.handlers.AnalyzerHandler;
import io.powertune.tuner.handlers.CleanerHandler;
import io.powertune.tuner.handlers.ExecutorHandler;
import io.powertune.tuner.handlers.InitializerHandler;
import io.powertune.tuner.handlers.OptimizerHandler;
import io.powertune.tuner.handlers.PublisherHandler;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The six functions of the tuning workflow, as they are deployed and named in the ASL. */
public final class TunerFunctions {

  /**
   * One workflow function.
   *
   * @param name the function's name where powertune installs it
   * @param placeholder the ASL's {@code ${...}} placeholder for its ARN
   * @param handlerClass the handler's class
   * @param factory makes the handler from the variables of its environment (in-process use)
   */
  public record TunerFunction(
      String name,
      String placeholder,
      Class<? extends RequestStreamHandler> handlerClass,
      Function<Map<String, String>, RequestStreamHandler> factory) {

    /** The handler string Lambda's Java runtime reads. */
    public String handler() {
      return handlerClass.getName() + "::handleRequest";
    }
  }

  /** Every workflow function, in the order a run reaches them. */
  public static final List<TunerFunction> ALL =
      List.of(
          new TunerFunction(
              "powertune-initializer",
              "initializerArn",
              InitializerHandler.class,
              InitializerHandler::new),
          new TunerFunction(
              "powertune-publisher", "publisherArn", PublisherHandler.class, PublisherHandler::new),
          new TunerFunction(
              "powertune-executor", "executorArn", ExecutorHandler.class, ExecutorHandler::new),
          new TunerFunction(
              "powertune-cleaner", "cleanerArn", CleanerHandler.class, CleanerHandler::new),
          new TunerFunction(
              "powertune-analyzer", "analyzerArn", AnalyzerHandler.class, AnalyzerHandler::new),
          new TunerFunction(
              "powertune-optimizer",
              "optimizerArn",
              OptimizerHandler.class,
              OptimizerHandler::new));

  /** The Cleaner, which a command also calls itself when it stops a run. */
  public static TunerFunction cleaner() {
    return ALL.stream().filter(f -> f.placeholder().equals("cleanerArn")).findFirst().orElseThrow();
  }

  /** The state machine's name where powertune installs it. */
  public static final String STATE_MACHINE = "powertune";

  private TunerFunctions() {}
}
