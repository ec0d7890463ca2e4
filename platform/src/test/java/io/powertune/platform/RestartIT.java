package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.analyzer.report.ReportParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** A restart of the platform loses no function, version, alias, code, setting or log event. */
class RestartIT {

  @TempDir Path stateDir;

  @Test
  void restart_keepsFunctionsVersionsAliasesCodeAndLogs() throws Exception {
    try (PlatformFixture fixture = new PlatformFixture(stateDir)) {
      LambdaClient lambda = fixture.lambda();
      fixture.create(lambda, "kept", Runtime.PYTHON3_12, "app.handler", Zips.example("python"));
      lambda.updateFunctionConfiguration(r -> r.functionName("kept").memorySize(1024));
      lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("kept"));
      lambda.publishVersion(r -> r.functionName("kept"));
      lambda.createAlias(r -> r.functionName("kept").name("RAM1024").functionVersion("1"));
      lambda.putFunctionConcurrency(r -> r.functionName("kept").reservedConcurrentExecutions(7));
      lambda.invoke(r -> r.functionName("kept").payload(SdkBytes.fromUtf8String("{}")));
      String accessKey = fixture.platform().credentials().accessKeyId();

      fixture.restart();

      LambdaClient again = fixture.lambda();
      assertThat(fixture.platform().credentials().accessKeyId()).isEqualTo(accessKey);
      assertThat(again.getFunctionConfiguration(r -> r.functionName("kept")).memorySize())
          .isEqualTo(1024);
      assertThat(again.getAlias(r -> r.functionName("kept").name("RAM1024")).functionVersion())
          .isEqualTo("1");
      assertThat(
              again
                  .getFunctionConcurrency(r -> r.functionName("kept"))
                  .reservedConcurrentExecutions())
          .isEqualTo(7);
      assertThat(again.listVersionsByFunction(r -> r.functionName("kept")).versions())
          .extracting(v -> v.version())
          .containsExactly("$LATEST", "1");
      InvokeResponse afterRestart =
          again.invoke(
              r ->
                  r.functionName("kept")
                      .qualifier("RAM1024")
                      .logType(LogType.TAIL)
                      .payload(SdkBytes.fromUtf8String("{\"name\":\"again\"}")));
      assertThat(Json.read(afterRestart.payload()).path("message").asText())
          .isEqualTo("Hello, again!");
      assertThat(ReportParser.parseLogResult(afterRestart.logResult()).coldStart()).isTrue();
      String stream =
          fixture
              .logs()
              .describeLogStreams(r -> r.logGroupName("/aws/lambda/kept"))
              .logStreams()
              .stream()
              .filter(s -> s.logStreamName().contains("[$LATEST]"))
              .findFirst()
              .orElseThrow()
              .logStreamName();
      List<OutputLogEvent> before =
          fixture
              .logs()
              .getLogEvents(
                  r -> r.logGroupName("/aws/lambda/kept").logStreamName(stream).startFromHead(true))
              .events();
      assertThat(before)
          .extracting(OutputLogEvent::message)
          .anyMatch(m -> m.startsWith("REPORT RequestId: "));
    }
  }

  @Test
  void codeUnpackedByAnOlderPlatform_onlyItsOwnerCouldRead_isUnpackedAgain() throws Exception {
    try (PlatformFixture fixture = new PlatformFixture(stateDir)) {
      LambdaClient lambda = fixture.lambda();
      fixture.create(lambda, "old", Runtime.PYTHON3_12, "app.handler", Zips.example("python"));
      lambda.invoke(r -> r.functionName("old").payload(SdkBytes.fromUtf8String("{}")));
      fixture.platform().close();
      try (var dirs = java.nio.file.Files.list(stateDir.resolve("code"))) {
        for (Path dir : dirs.toList()) {
          // what versions before per-function users left: the owner's alone
          java.nio.file.Files.setPosixFilePermissions(
              dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
      }

      fixture.start();

      InvokeResponse again =
          fixture
              .lambda()
              .invoke(
                  r ->
                      r.functionName("old")
                          .payload(SdkBytes.fromUtf8String("{\"name\":\"again\"}")));
      assertThat(again.functionError()).as(again.payload().asUtf8String()).isNull();
      assertThat(Json.read(again.payload()).path("message").asText()).isEqualTo("Hello, again!");
    }
  }
}
