package io.powertune.analyzer.report;

import static io.powertune.analyzer.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ReportParserTest {

  @Test
  void parse_textColdStart_readsEveryFieldWithInit() {
    Report r = ReportParser.parse(report("text-cold.txt"));

    assertThat(r.requestId()).contains("6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f");
    assertThat(r.durationMs()).isEqualTo(12.34);
    assertThat(r.billedDurationMs()).isEqualTo(133);
    assertThat(r.memorySizeMb()).isEqualTo(OptionalInt.of(512));
    assertThat(r.maxMemoryUsedMb()).isEqualTo(OptionalInt.of(81));
    assertThat(r.initDurationMs()).isEqualTo(OptionalDouble.of(120.50));
    assertThat(r.coldStart()).isTrue();
    assertThat(r.totalDurationMs()).isEqualTo(12.34 + 120.50);
    assertThat(r.status()).isEmpty();
  }

  @Test
  void parse_textWarm_hasNoInitAndIsWarm() {
    Report r = ReportParser.parse(report("text-warm.txt"));

    assertThat(r.durationMs()).isEqualTo(3.01);
    assertThat(r.billedDurationMs()).isEqualTo(4);
    assertThat(r.initDurationMs()).isEmpty();
    assertThat(r.coldStart()).isFalse();
    assertThat(r.totalDurationMs()).isEqualTo(3.01);
  }

  @Test
  void parse_integersAndSpaces_areAccepted_whereTheOriginalReadsZero() {
    Report r = ReportParser.parse(report("text-integers-spaces.txt"));

    assertThat(r.durationMs()).isEqualTo(5);
    assertThat(r.billedDurationMs()).isEqualTo(5);
    assertThat(r.memorySizeMb()).isEqualTo(OptionalInt.of(256));
    assertThat(r.maxMemoryUsedMb()).isEqualTo(OptionalInt.of(64));
    assertThat(r.initDurationMs()).isEqualTo(OptionalDouble.of(100));
  }

  @Test
  void parse_fieldsInAnyOrder() {
    Report r = ReportParser.parse(report("text-reordered.txt"));

    assertThat(r.durationMs()).isEqualTo(7.25);
    assertThat(r.billedDurationMs()).isEqualTo(8);
    assertThat(r.memorySizeMb()).isEqualTo(OptionalInt.of(1024));
    assertThat(r.maxMemoryUsedMb()).isEqualTo(OptionalInt.of(70));
  }

  @Test
  void parse_snapStart_addsRestoreToDurationAndBilledRestoreToBilled() {
    Report r = ReportParser.parse(report("text-snapstart.txt"));

    assertThat(r.restoreDurationMs()).isEqualTo(OptionalDouble.of(300.40));
    assertThat(r.billedRestoreDurationMs()).isEqualTo(OptionalDouble.of(144));
    assertThat(r.totalDurationMs()).isEqualTo(20.00 + 300.40);
    assertThat(r.totalBilledMs()).isEqualTo(21 + 144);
    assertThat(r.coldStart()).isFalse();
  }

  @Test
  void parse_timeoutAndOutOfMemory_carryStatusAndErrorType() {
    Report timeout = ReportParser.parse(report("text-timeout.txt"));
    Report oom = ReportParser.parse(report("text-oom.txt"));

    assertThat(timeout.status()).contains("timeout");
    assertThat(timeout.durationMs()).isEqualTo(3000);
    assertThat(oom.status()).contains("error");
    assertThat(oom.errorType()).contains("Runtime.OutOfMemory");
    assertThat(oom.maxMemoryUsedMb()).isEqualTo(OptionalInt.of(128));
  }

  @Test
  void parse_severalReports_takesTheLast() {
    Report r = ReportParser.parse(report("text-multiple-reports.txt"));

    assertThat(r.requestId()).contains("aaaaaaaa-0000-0000-0000-000000000002");
    assertThat(r.durationMs()).isEqualTo(1.50);
  }

  @Test
  void parse_truncatedTextTail_findsTheReport() {
    String tail = report("text-truncated.txt");

    Report r = ReportParser.parse(tail);

    assertThat(tail).hasSize(4096);
    assertThat(r.durationMs()).isEqualTo(250.75);
    assertThat(r.billedDurationMs()).isEqualTo(251);
  }

  @Test
  void parse_jsonWarmReportWithoutInit_isRead_whereTheOriginalThrows() {
    Report r = ReportParser.parse(report("json-warm.txt"));

    assertThat(r.requestId()).contains("8f5c6d7e-1a2b-4c3d-9e8f-7a6b5c4d3e2f");
    assertThat(r.durationMs()).isEqualTo(8.713);
    assertThat(r.billedDurationMs()).isEqualTo(9);
    assertThat(r.memorySizeMb()).isEqualTo(OptionalInt.of(512));
    assertThat(r.maxMemoryUsedMb()).isEqualTo(OptionalInt.of(73));
    assertThat(r.initDurationMs()).isEmpty();
    assertThat(r.status()).isEmpty();
  }

  @Test
  void parse_jsonCold_readsInitDuration() {
    Report r = ReportParser.parse(report("json-cold.txt"));

    assertThat(r.initDurationMs()).isEqualTo(OptionalDouble.of(200.25));
    assertThat(r.billedDurationMs()).isEqualTo(216);
    assertThat(r.coldStart()).isTrue();
  }

  @Test
  void parse_prettyPrintedJsonArray_findsTheReport() {
    Report r = ReportParser.parse(report("json-pretty.txt"));

    assertThat(r.durationMs()).isEqualTo(42);
    assertThat(r.memorySizeMb()).isEqualTo(OptionalInt.of(256));
  }

  @Test
  void parse_truncatedJsonTail_skipsTheCutRecordAndFindsTheReport() {
    String tail = report("json-truncated.txt");

    Report r = ReportParser.parse(tail);

    assertThat(tail).doesNotStartWith("{");
    assertThat(r.durationMs()).isEqualTo(101.99);
    assertThat(r.billedDurationMs()).isEqualTo(102);
  }

  @Test
  void parse_jsonTimeout_carriesStatus() {
    assertThat(ReportParser.parse(report("json-timeout.txt")).status()).contains("timeout");
  }

  @Test
  void parse_noReport_isATypedErrorNotZero() {
    assertThatThrownBy(() -> ReportParser.parse(report("text-no-report.txt")))
        .isInstanceOf(NoReportException.class)
        .hasMessageContaining("holds no REPORT record")
        .hasMessageContaining("LogType=Tail");
  }

  @Test
  void parse_emptyTail_isNoReport() {
    assertThatThrownBy(() -> ReportParser.parse("")).isInstanceOf(NoReportException.class);
  }

  @Test
  void parse_reportWithoutDuration_isMalformed() {
    assertThatThrownBy(() -> ReportParser.parse(report("text-report-without-duration.txt")))
        .isInstanceOf(MalformedReportException.class)
        .hasMessageContaining("without a Duration")
        .hasMessageContaining("77777777-8888-9999-0000-111111111111");
  }

  @Test
  void parse_missingBilledDuration_isDerivedFromDurationPlusInit() {
    Report r =
        ReportParser.parse("REPORT RequestId: x\tDuration: 10.20 ms\tInit Duration: 100.50 ms\t");

    assertThat(r.billedDurationMs()).isEqualTo(111);
  }

  @Test
  void parseLogResult_decodesBase64AsInvokeReturnsIt() {
    String encoded =
        Base64.getEncoder()
            .encodeToString(report("text-cold.txt").getBytes(StandardCharsets.UTF_8));

    assertThat(ReportParser.parseLogResult(encoded).durationMs()).isEqualTo(12.34);
  }

  @Test
  void parseLogResult_invalidBase64_isAReportError() {
    assertThatThrownBy(() -> ReportParser.parseLogResult("%%%not-base64"))
        .isInstanceOf(ReportParseException.class)
        .hasMessageContaining("base64");
  }

  @Test
  void parseLogResult_null_isNoReport() {
    assertThatThrownBy(() -> ReportParser.parseLogResult(null))
        .isInstanceOf(NoReportException.class);
  }

  @Test
  void report_totalsWithoutOptionalFields_areDurationAndBilled() {
    Report r =
        new Report(
            Optional.empty(),
            2.5,
            3,
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            OptionalDouble.empty(),
            false);

    assertThat(r.totalDurationMs()).isEqualTo(2.5);
    assertThat(r.totalBilledMs()).isEqualTo(3);
  }

  private static String jsonReport(String metrics) {
    return "{\"time\":\"2026-11-22T10:00:00.000Z\",\"type\":\"platform.report\","
        + "\"record\":{\"requestId\":\"r\",\"metrics\":{"
        + metrics
        + "},\"status\":\"success\"}}";
  }

  @Test
  void parse_jsonSnapStart_readsRestoreDurations() {
    Report r =
        ReportParser.parse(
            jsonReport(
                "\"durationMs\":20,\"billedDurationMs\":21,\"restoreDurationMs\":300.4,"
                    + "\"billedRestoreDurationMs\":144"));

    assertThat(r.totalDurationMs()).isEqualTo(320.4);
    assertThat(r.totalBilledMs()).isEqualTo(165);
  }

  @Test
  void parse_severalJsonReports_takesTheLast() {
    String tail =
        jsonReport("\"durationMs\":99,\"billedDurationMs\":99")
            + "\n"
            + jsonReport("\"durationMs\":1.5,\"billedDurationMs\":2")
            + "\n";

    assertThat(ReportParser.parse(tail).durationMs()).isEqualTo(1.5);
  }

  @Test
  void parse_jsonReportWithoutDuration_isMalformed() {
    assertThatThrownBy(() -> ReportParser.parse(jsonReport("\"billedDurationMs\":2")))
        .isInstanceOf(MalformedReportException.class);
  }

  @Test
  void parse_mixedTextAndJson_takesWhicheverComesLast() {
    String tail =
        jsonReport("\"durationMs\":7,\"billedDurationMs\":7")
            + "\nREPORT RequestId: t\tDuration: 3.00 ms\tBilled Duration: 3 ms\t\n";

    assertThat(ReportParser.parse(tail).durationMs()).isEqualTo(3.0);
  }

  @Test
  void parse_cpuScalingUnavailable_isKept_inBothFormats() {
    Report text =
        ReportParser.parse(
            "REPORT RequestId: r\tDuration: 1.00 ms\tBilled Duration: 1 ms\tCPU Scaling: unavailable\t");
    Report json =
        ReportParser.parse(
            "{\"type\":\"platform.report\",\"record\":{\"metrics\":{\"durationMs\":1},"
                + "\"cpuScaling\":\"unavailable\"}}");

    assertThat(text.cpuScaling()).contains("unavailable");
    assertThat(json.cpuScaling()).contains("unavailable");
    assertThat(ReportParser.parse(report("text-warm.txt")).cpuScaling()).isEmpty();
  }

  @Test
  void parse_cpuWaitAndContended_areRead_inBothFormats_andAbsentOnAws() {
    Report text =
        ReportParser.parse(
            "REPORT RequestId: r\tDuration: 40.00 ms\tBilled Duration: 40 ms\tCPU Wait: 6.25"
                + " ms\tContended: true\t");
    Report json =
        ReportParser.parse(
            "{\"type\":\"platform.report\",\"record\":{\"metrics\":{\"durationMs\":40,"
                + "\"cpuWaitMs\":6.25},\"contended\":true}}");
    Report quiet =
        ReportParser.parse(
            "REPORT RequestId: r\tDuration: 40.00 ms\tBilled Duration: 40 ms\tCPU Wait: 0.10 ms\t");

    assertThat(text.durationMs()).as("CPU Wait is not taken for Duration").isEqualTo(40);
    assertThat(text.cpuWaitMs()).isEqualTo(OptionalDouble.of(6.25));
    assertThat(text.contended()).isTrue();
    assertThat(json.cpuWaitMs()).isEqualTo(OptionalDouble.of(6.25));
    assertThat(json.contended()).isTrue();
    assertThat(quiet.contended()).isFalse();
    Report aws = ReportParser.parse(report("text-warm.txt"));
    assertThat(aws.cpuWaitMs()).isEmpty();
    assertThat(aws.contended()).isFalse();
  }
}
