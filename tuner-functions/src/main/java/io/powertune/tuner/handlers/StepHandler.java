package io.powertune.tuner.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.tuner.TunerFunctions;
import io.powertune.tuner.TunerFunctions.TunerFunction;
import io.powertune.tuner.TunerJson;
import io.powertune.tuner.aws.AwsClients;
import io.powertune.tuner.aws.GrantedActions;
import io.powertune.tuner.aws.TunerEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A workflow step as a Lambda handler: JSON in, JSON out. A step's failure is thrown, so the
 * runtime reports it as a function error named by the exception's class, which the state machine
 * catches.
 */
public abstract class StepHandler implements RequestStreamHandler, AutoCloseable {

  /** The clients, kept for the life of the execution environment. */
  protected final AwsClients clients;

  StepHandler(TunerEnvironment environment) {
    TunerFunction function = TunerFunctions.of(getClass());
    this.clients =
        new AwsClients(environment, new GrantedActions(function.name(), function.lambdaActions()));
  }

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = TunerJson.MAPPER.readTree(input);
    Object result;
    try {
      result = handle(event == null ? TunerJson.MAPPER.nullNode() : event, context);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    TunerJson.MAPPER.writeValue(output, result);
  }

  /** Closes the clients (and their connections) when the environment ends. */
  @Override
  public void close() {
    clients.close();
  }

  /** The step's work; the result is written as JSON (null as {@code null}). */
  protected abstract Object handle(JsonNode event, Context context)
      throws IOException, InterruptedException;
}
