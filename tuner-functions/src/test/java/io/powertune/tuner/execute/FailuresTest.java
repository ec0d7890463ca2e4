package io.powertune.tuner.execute;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParser;
import org.junit.jupiter.api.Test;

class FailuresTest {

  private static Report report(String line) {
    return ReportParser.parse(line);
  }

  @Test
  void reason_outOfMemory_saysSoWithTheMemoryUsed() {
    Report oom =
        report(
            "REPORT RequestId: r\tDuration: 812.00 ms\tBilled Duration: 812 ms\tMemory Size: 128"
                + " MB\tMax Memory Used: 128 MB\tStatus: error\tError Type: Runtime.OutOfMemory");

    assertThat(Failures.reason(0, 10, "Runtime.OutOfMemory", "", oom, "{}"))
        .isEqualTo(
            "ran out of memory (Runtime.OutOfMemory) at invocation 1 of 10; Max Memory Used 128"
                + " MB");
  }

  @Test
  void reason_timeout_saysAfterHowLong() {
    Report timeout =
        report(
            "REPORT RequestId: r\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128"
                + " MB\tMax Memory Used: 40 MB\tStatus: timeout");

    assertThat(Failures.reason(4, 10, "Sandbox.Timedout", "Task timed out", timeout, null))
        .isEqualTo(
            "timed out (Sandbox.Timedout) at invocation 5 of 10 after 3000 ms; raise the"
                + " function's timeout if this size should be considered");
  }

  @Test
  void reason_otherError_quotesItAndThePayloadUnlessHidden() {
    Report failed =
        report(
            "REPORT RequestId: r\tDuration: 5.00 ms\tBilled Duration: 5 ms\tMemory Size: 128"
                + " MB\tMax Memory Used: 40 MB");

    assertThat(Failures.reason(1, 5, "KeyError", "'id'\n", failed, "{\"x\":1}"))
        .isEqualTo(
            "failed with KeyError: 'id' at invocation 2 of 5 with payload {\"x\":1} (add the type"
                + " to allowedExceptions if it is expected)");
    assertThat(Failures.reason(1, 5, "KeyError", "'id'", failed, null)).doesNotContain("payload");
  }

  @Test
  void shorten_longMessages_areCut() {
    assertThat(Failures.shorten("x".repeat(400))).hasSize(303).endsWith("...");
  }
}
