package io.powertune.platform;

import io.powertune.statemachine.conformance.Corpus;
import java.io.IOException;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** Deploys the conformance corpus's functions (Python) to a platform. */
final class CorpusFunctionsDeployer {

  private CorpusFunctionsDeployer() {}

  static void deploy(LambdaClient lambda) throws IOException {
    SdkBytes zip = Zips.ofFile("app.py", Corpus.functionsSource());
    for (Map.Entry<String, String> function : Corpus.FUNCTIONS.entrySet()) {
      lambda.createFunction(
          r ->
              r.functionName(function.getKey())
                  .runtime(Runtime.PYTHON3_12)
                  .handler(function.getValue())
                  .role(PlatformFixture.ROLE)
                  .memorySize(256)
                  .timeout(30)
                  .code(c -> c.zipFile(zip)));
      lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(function.getKey()));
    }
  }
}
