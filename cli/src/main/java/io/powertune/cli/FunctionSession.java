package io.powertune.cli;

import io.powertune.analyzer.model.InvalidInputException;
import java.io.PrintWriter;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The platform and clients of a {@code function} command, closed together. */
final class FunctionSession implements AutoCloseable {

  private final PlatformSession session;
  private final ServiceClients clients;
  private final String region;

  private FunctionSession(PlatformSession session, ServiceClients clients, String region) {
    this.session = session;
    this.clients = clients;
    this.region = region;
  }

  static FunctionSession open(
      EndpointOptions options, Map<String, String> environment, PrintWriter err) throws Exception {
    String region = RegionOption.resolve(options.region, environment);
    PlatformSession session = PlatformSession.open(options.stateDir, options.endpoint, err);
    return new FunctionSession(
        session, new ServiceClients(session.endpoint(), session.credentials()), region);
  }

  LambdaClient lambda() {
    return clients.lambda(region);
  }

  CloudWatchLogsClient logs() {
    return clients.logs(region);
  }

  /** The error a missing function is said with. */
  InvalidInputException notFound(String name, ResourceNotFoundException e) {
    return new InvalidInputException(
        "NAME",
        "no function "
            + name
            + " in "
            + region
            + " at "
            + session.endpoint()
            + " ("
            + e.awsErrorDetails().errorMessage()
            + ")");
  }

  @Override
  public void close() {
    clients.close();
    session.close();
  }
}
