package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParser;
import io.powertune.platform.resources.ResourceControls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A CPU hog beside the platform (a busy loop per core, normal priority, outside the platform's
 * cgroups): the platform flags the invocations it delays, and the tuner runs them again.
 */
class ContentionIT {

  private static final int CORES = java.lang.Runtime.getRuntime().availableProcessors();

  @TempDir Path stateDir;

  private TunerFixture tuner;
  private final List<Process> hog = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    assumeTrue(
        ResourceControls.detect(Path.of("/sys/fs/cgroup"), CORES).available(),
        "cgroups are not writable on this host: no CPU quota, no CPU Wait");
    tuner = new TunerFixture(stateDir);
  }

  @AfterEach
  void stop() {
    hog.forEach(Process::destroyForcibly);
    if (tuner != null) {
      tuner.close();
    }
  }

  private void startHog() throws Exception {
    for (int i = 0; i < CORES; i++) {
      hog.add(new ProcessBuilder("python3", "-c", "while True: pass").start());
    }
  }

  @Test
  void invocationsDelayedByTheHog_areFlaggedContended_withTheirCpuWait() throws Exception {
    String arn = tuner.deployPython("busy", "app.handler", TunerFixture.example("cpu-python"));
    tuner.lambda().updateFunctionConfiguration(r -> r.functionName(arn).memorySize(1024));
    tuner.lambda().waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(arn));
    Report quiet = invoke(arn);
    assertThat(quiet.cpuWaitMs()).as("every REPORT carries CPU Wait where cgroups are").isPresent();

    startHog();
    List<Report> busy = new ArrayList<>();
    // beside the hog nearly every 1,024 MB invocation is delayed (19 or 20 of 20 in the bench)
    while (busy.size() < 20 && busy.stream().noneMatch(Report::contended)) {
      busy.add(invoke(arn));
    }

    assertThat(busy).anySatisfy(r -> assertThat(r.contended()).isTrue());
    assertThat(busy)
        .filteredOn(Report::contended)
        .allSatisfy(
            r -> assertThat(r.cpuWaitMs().getAsDouble()).isGreaterThan(0.05 * r.durationMs()));
  }

  @Test
  void theTuner_correctsContendedInvocations_andSaysSoPerSize() throws Exception {
    String arn = tuner.deployPython("tuned", "app.handler", TunerFixture.example("cpu-python"));
    startHog();

    var execution = tuner.run(TunerFixture.input(arn, 5, 1024));

    assertThat(execution.status()).as(execution.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode size = TunerFixture.output(execution).path("sizes").get(0);
    JsonNode contended = size.path("contended");
    assertThat(contended.path("corrected").asInt()).isPositive();
    assertThat(contended.path("rerun").asInt(0)).as("nothing is run more than num times").isZero();
    assertThat(size.path("invocations").asInt()).isEqualTo(5);
  }

  private Report invoke(String arn) {
    return ReportParser.parseLogResult(
        tuner
            .lambda()
            .invoke(
                r ->
                    r.functionName(arn)
                        .logType(LogType.TAIL)
                        .payload(SdkBytes.fromUtf8String("{}")))
            .logResult());
  }
}
