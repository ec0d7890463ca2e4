package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * Bodies and answers capped as AWS caps them, and no body read before its request could be signed.
 */
class RequestLimitsIT {

  @TempDir static Path stateDir;
  private static PlatformFixture fixture;
  private static CloudWatchLogsClient logs;

  @BeforeAll
  static void start() throws Exception {
    fixture = new PlatformFixture(PlatformFixture.config(stateDir).withoutLimits());
    logs = fixture.logs();
    logs.createLogGroup(r -> r.logGroupName("limits"));
    logs.createLogStream(r -> r.logGroupName("limits").logStreamName("s"));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void unsignedRequest_isRefusedBeforeItsBodyIsRead() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", fixture.endpoint().getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /2015-03-31/functions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Content-Type: application/json\r\nContent-Length: 60000000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[4096]); // the rest of the 60 MB never comes
      out.flush();

      String statusLine =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();

      assertThat(statusLine).isEqualTo("HTTP/1.1 403 Forbidden");
    }
  }

  @Test
  void putLogEvents_pastTenThousandEvents_orOneMebibyte_isRefused() {
    List<InputLogEvent> many = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (int i = 0; i < 10_001; i++) {
      many.add(InputLogEvent.builder().timestamp(now).message("m" + i).build());
    }
    List<InputLogEvent> heavy = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      heavy.add(InputLogEvent.builder().timestamp(now).message("x".repeat(210_000)).build());
    }

    assertThatThrownBy(
            () ->
                logs.putLogEvents(r -> r.logGroupName("limits").logStreamName("s").logEvents(many)))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("less than or equal to 10000");
    assertThatThrownBy(
            () ->
                logs.putLogEvents(
                    r -> r.logGroupName("limits").logStreamName("s").logEvents(heavy)))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("Upload too large: 1050130 bytes exceeds limit of 1048576");
  }

  @Test
  void getAndFilterLogEvents_answerAtMostOneMebibyteAPage_andPageOnToTheRest() {
    logs.createLogStream(r -> r.logGroupName("limits").logStreamName("pages"));
    long now = System.currentTimeMillis();
    for (int batch = 0; batch < 2; batch++) {
      List<InputLogEvent> events = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        events.add(
            InputLogEvent.builder()
                .timestamp(now)
                .message((char) ('a' + batch * 4 + i) + "x".repeat(200_000))
                .build());
      }
      logs.putLogEvents(r -> r.logGroupName("limits").logStreamName("pages").logEvents(events));
    }

    GetLogEventsResponse first =
        logs.getLogEvents(r -> r.logGroupName("limits").logStreamName("pages").startFromHead(true));
    GetLogEventsResponse second =
        logs.getLogEvents(
            r ->
                r.logGroupName("limits")
                    .logStreamName("pages")
                    .nextToken(first.nextForwardToken()));
    var filtered = logs.filterLogEvents(r -> r.logGroupName("limits").logStreamNames("pages"));
    var rest =
        logs.filterLogEvents(
            r -> r.logGroupName("limits").logStreamNames("pages").nextToken(filtered.nextToken()));

    assertThat(first.events()).hasSize(5);
    assertThat(second.events()).hasSize(3);
    assertThat(second.events().get(0).message()).startsWith("f");
    assertThat(filtered.events()).hasSize(5);
    assertThat(rest.events()).hasSize(3);
    assertThat(rest.events().get(0).message()).startsWith("f");
  }

  @Test
  void stepFunctionsRequest_pastOneMebibyte_isRefusedWith413() {
    String input = "{\"big\":\"" + "x".repeat(1_100_000) + "\"}";

    assertThatThrownBy(
            () ->
                fixture
                    .sfn()
                    .startExecution(
                        r ->
                            r.stateMachineArn(
                                    "arn:aws:states:us-east-1:000000000000:stateMachine:none")
                                .input(input)))
        .isInstanceOfSatisfying(SfnException.class, e -> assertThat(e.statusCode()).isEqualTo(413));
  }
}
