package io.powertune.tests;

import io.powertune.cli.install.FunctionDeployer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** The functions the suite tunes: deployed on the backend, described, removed. */
final class Targets {

  /** What a tuning must leave as it found it. */
  record State(
      int memory,
      String description,
      String codeSha256,
      List<String> versions,
      Map<String, String> aliases) {}

  private final Backend backend;

  Targets(Backend backend) {
    this.backend = backend;
  }

  /** An example of the repository's examples/functions. */
  static Path example(String name) {
    return Powertune.ROOT.resolve("examples/functions").resolve(name);
  }

  /** A folder holding app.py with {@code source}. */
  static Path python(Path work, String name, String source) throws IOException {
    Path dir = Files.createDirectories(work.resolve("code").resolve(name));
    Files.writeString(dir.resolve("app.py"), source);
    return dir;
  }

  /** Creates (or replaces) a python3.12 function from a folder; returns its ARN. */
  String deploy(String name, Path code) throws InterruptedException {
    LambdaClient lambda = backend.lambda();
    try {
      lambda.deleteFunction(r -> r.functionName(name));
    } catch (ResourceNotFoundException e) {
      // new
    }
    SdkBytes zip = SdkBytes.fromByteArray(FunctionDeployer.packageOf(code));
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      try {
        String arn =
            lambda
                .createFunction(
                    r ->
                        r.functionName(name)
                            .runtime(Runtime.PYTHON3_12)
                            .handler("app.handler")
                            .role(backend.targetRole())
                            .memorySize(128)
                            .timeout(60)
                            .code(c -> c.zipFile(zip)))
                .functionArn();
        lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
        return arn;
      } catch (InvalidParameterValueException e) {
        // a role IAM created moments ago is not usable everywhere yet
        if (!e.getMessage().contains("cannot be assumed") || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(3000);
      }
    }
  }

  State state(String name) {
    LambdaClient lambda = backend.lambda();
    var latest = lambda.getFunctionConfiguration(r -> r.functionName(name));
    return new State(
        latest.memorySize(),
        latest.description(),
        latest.codeSha256(),
        lambda.listVersionsByFunctionPaginator(r -> r.functionName(name)).versions().stream()
            .map(FunctionConfiguration::version)
            .toList(),
        lambda.listAliasesPaginator(r -> r.functionName(name)).aliases().stream()
            .collect(
                Collectors.toMap(AliasConfiguration::name, AliasConfiguration::functionVersion)));
  }

  void delete(String name) {
    try {
      backend.lambda().deleteFunction(r -> r.functionName(name));
    } catch (ResourceNotFoundException e) {
      // gone
    }
  }
}
