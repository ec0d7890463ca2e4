package io.powertune.cli;

import static io.powertune.cli.TunerFixture.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.cli.install.FunctionDeployer;
import io.powertune.cli.install.TunerInstaller;
import io.powertune.cli.install.TunerPackage;
import io.powertune.platform.PlatformFixture;
import io.powertune.tuner.TunerFunctions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The tuner's jar as it runs on Lambda's java21 runtime: here the platform has no trusted handlers,
 * so each workflow step is an ordinary function process (Amazon's runtime interface client). CPU
 * limits are off: run as processes, the steps would hold CPU shares beside the measured function.
 */
class TunerAsProcessesIT {

  @TempDir Path stateDir;

  @Test
  void tuning_withTheStepsAsJava21Processes_succeeds() throws Exception {
    try (PlatformFixture platform =
        new PlatformFixture(PlatformFixture.config(stateDir).withoutLimits())) {
      LambdaClient lambda = platform.lambda();
      String stateMachine =
          new TunerInstaller(
                  lambda, platform.sfn(), TunerPackage.shipped(), TunerInstaller.SHARED_HOST)
              .install();
      String arn =
          lambda
              .createFunction(
                  r ->
                      r.functionName("io")
                          .runtime(Runtime.PYTHON3_12)
                          .handler("app.handler")
                          .role(PlatformFixture.ROLE)
                          .code(
                              c ->
                                  c.zipFile(
                                      SdkBytes.fromByteArray(
                                          FunctionDeployer.packageOf(
                                              TunerFixture.example("io-python"))))))
              .functionArn();
      ObjectNode input = TunerFixture.input(arn, 5, 128, 256);
      input.putObject("payload").put("ms", 10);

      String execution =
          platform
              .sfn()
              .startExecution(r -> r.stateMachineArn(stateMachine).input(input.toString()))
              .executionArn();
      DescribeExecutionResponse ended =
          new ExecutionFollower(platform.sfn(), platform.endpoint()).awaitEnd(execution);

      assertThat(ended.status())
          .as(String.valueOf(ended.cause()))
          .isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(output(ended).path("power").asInt()).isEqualTo(128);
      InvokeResponse step =
          lambda.invoke(
              r ->
                  r.functionName(TunerFunctions.ALL.get(0).name())
                      .logType(LogType.TAIL)
                      .payload(SdkBytes.fromUtf8String("{}")));
      assertThat(step.functionError()).isEqualTo("Unhandled"); // validation, from the process
      assertThat(platform.platform().environmentCount()).isPositive();
    }
  }
}
