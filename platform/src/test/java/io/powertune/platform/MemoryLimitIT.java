package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.analyzer.report.Report;
import io.powertune.analyzer.report.ReportParser;
import io.powertune.platform.resources.CpuShare;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** With writable cgroups, an environment gets its memory size's CPU share and memory limit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemoryLimitIT {

  @TempDir static Path stateDir;
  private PlatformFixture fixture;
  private LambdaClient lambda;

  @BeforeAll
  void start() throws Exception {
    HostSupport.assumeWritableCgroups("MemoryLimitIT");
    fixture = new PlatformFixture(stateDir);
    lambda = fixture.lambda();
  }

  @AfterAll
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private InvokeResponse invoke(String name, String payload) {
    return lambda.invoke(
        r -> r.functionName(name).logType(LogType.TAIL).payload(SdkBytes.fromUtf8String(payload)));
  }

  @Test
  void allocatingPastTheMemorySize_killsTheEnvironment_asLambdaReportsIt() {
    fixture.create(
        lambda,
        "alloc-128",
        Runtime.PYTHON3_12,
        "app.allocate",
        Zips.testFunction("python-behaviours"),
        128,
        30);
    fixture.create(
        lambda,
        "alloc-512",
        Runtime.PYTHON3_12,
        "app.allocate",
        Zips.testFunction("python-behaviours"),
        512,
        30);

    InvokeResponse small = invoke("alloc-128", "{\"mb\":200}");
    InvokeResponse large = invoke("alloc-512", "{\"mb\":200}");

    assertThat(small.functionError()).isEqualTo("Unhandled");
    JsonNode error = Json.read(small.payload());
    assertThat(error.path("errorType").asText()).isEqualTo("Runtime.OutOfMemory");
    assertThat(error.path("errorMessage").asText())
        .endsWith("Runtime exited with error: signal: killed");
    Report smallReport = ReportParser.parseLogResult(small.logResult());
    assertThat(smallReport.status()).contains("error");
    assertThat(smallReport.errorType()).contains("Runtime.OutOfMemory");
    assertThat(smallReport.maxMemoryUsedMb()).hasValue(128);

    assertThat(large.functionError()).isNull();
    assertThat(large.payload().asUtf8String()).isEqualTo("200");
    assertThat(ReportParser.parseLogResult(large.logResult()).maxMemoryUsedMb().getAsInt())
        .isBetween(200, 512);
  }

  @Test
  void cpuShare_followsTheMemorySize_fromTheFirstInvocation() {
    fixture.create(
        lambda,
        "share-128",
        Runtime.PYTHON3_12,
        "app.cgroup",
        Zips.testFunction("python-behaviours"),
        128,
        30);
    fixture.create(
        lambda,
        "share-3008",
        Runtime.PYTHON3_12,
        "app.cgroup",
        Zips.testFunction("python-behaviours"),
        3008,
        30);

    JsonNode small = Json.read(invoke("share-128", "{}").payload());
    JsonNode large = Json.read(invoke("share-3008", "{}").payload());

    int cores = java.lang.Runtime.getRuntime().availableProcessors();
    CpuShare burst = CpuShare.forInit(128, cores);
    assertThat(small.path("quota").asText()).isEqualTo("1000");
    assertThat(small.path("period").asText()).isEqualTo("13821");
    assertThat(small.path("init").path("quota").asText())
        .as("the init phase runs with a burst share of a whole vCPU")
        .isEqualTo(Long.toString(burst.quotaUs()));
    assertThat(small.path("init").path("period").asText())
        .isEqualTo(Long.toString(burst.periodUs()));
    assertThat(large.path("quota").asText())
        .isEqualTo(Long.toString(CpuShare.forMemory(3008, cores).quotaUs()));
    assertThat(large.path("period").asText()).isEqualTo("5000");
  }
}
