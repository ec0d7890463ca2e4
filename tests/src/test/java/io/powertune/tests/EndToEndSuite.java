package io.powertune.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end suite, the same for every backend: {@code powertune tune} and {@code report} run
 * as processes against the backend's tuner, on functions deployed there. The progress, reports and
 * exit codes must be the same everywhere; only where CPU follows memory is speed asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
abstract class EndToEndSuite {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EXECUTION = Pattern.compile("powertune: execution (\\S+)");

  private Backend backend;
  private Targets targets;
  private Path work;

  /** The backend this suite runs on (not started yet). */
  abstract Backend backend();

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    work = dir;
    backend = backend();
    System.out.println("end-to-end suite on " + backend.name());
    backend.start(dir);
    targets = new Targets(backend);
  }

  @AfterAll
  void stop() {
    if (backend != null) {
      try {
        for (String name : List.of("e2e-cpu", "e2e-io", "e2e-fails", "e2e-diverged")) {
          targets.delete(name);
        }
      } finally {
        backend.close();
      }
    }
  }

  private Powertune.Result powertune(String command, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(command.equals("tune") ? backend.where() : withoutStateMachine(backend.where()));
    all.addAll(List.of(args));
    return Powertune.run(backend.environment(), work, all);
  }

  /** {@code report} reaches the backend as {@code tune} does, without naming the tuner. */
  private static List<String> withoutStateMachine(List<String> where) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < where.size(); i++) {
      if (where.get(i).equals("--state-machine-arn")) {
        i++;
      } else {
        kept.add(where.get(i));
      }
    }
    return kept;
  }

  @Test
  void cpuBound_speed_picksTheSizeWithMoreCpu_andLeavesTheFunctionAsFound() throws Exception {
    String arn = targets.deploy("e2e-cpu", Targets.example("cpu-python"));
    Targets.State before = targets.state("e2e-cpu");
    Path out = work.resolve("cpu");

    Powertune.Result run =
        powertune(
            "tune",
            "--function",
            arn,
            "--powers",
            "256,1769",
            "--num",
            "5",
            "--strategy",
            "speed",
            "--payload",
            "{\"rounds\": 300}",
            "--out",
            out.toString());

    assertThat(run.exitCode()).as(run.describe()).isZero();
    JsonNode result = JSON.readTree(out.resolve("result.json").toFile());
    if (backend.cpuFollowsMemory()) {
      assertThat(result.path("power").asInt()).isEqualTo(1769);
    }
    assertThat(result.path("sizes")).hasSize(2);
    for (JsonNode size : result.path("sizes")) {
      assertThat(size.path("invocations").asInt()).isEqualTo(5);
    }
    assertThat(run.out())
        .contains("<- speed pick")
        .contains("result: " + out.resolve("result.json"));
    assertThat(run.err()).contains("powertune: execution arn:aws:states:" + backend.region());
    assertThat(out.resolve("chart.png")).isNotEmptyFile();
    assertThat(out.resolve("report.html")).isNotEmptyFile();
    assertThat(targets.state("e2e-cpu")).isEqualTo(before);
  }

  @Test
  void ioBound_cost_picksTheSmallestSize_andReportRebuildsItFromTheExecution() throws Exception {
    String arn = targets.deploy("e2e-io", Targets.example("io-python"));
    Path out = work.resolve("io");

    Powertune.Result run =
        powertune(
            "tune",
            "--function",
            arn,
            "--powers",
            "128,512",
            "--num",
            "5",
            "--strategy",
            "cost",
            "--payload",
            "{\"ms\": 50}",
            "--out",
            out.toString());
    Matcher execution = EXECUTION.matcher(run.err());
    assertThat(execution.find()).as(run.describe()).isTrue();
    Powertune.Result report =
        powertune("report", execution.group(1), "--out", work.resolve("io-report").toString());

    assertThat(run.exitCode()).as(run.describe()).isZero();
    JsonNode result = JSON.readTree(out.resolve("result.json").toFile());
    assertThat(result.path("power").asInt()).isEqualTo(128);
    assertThat(result.path("strategy").asText()).isEqualTo("cost");
    assertThat(report.exitCode()).as(report.describe()).isZero();
    JsonNode rebuilt = JSON.readTree(work.resolve("io-report/result.json").toFile());
    assertThat(rebuilt.path("power")).isEqualTo(result.path("power"));
    assertThat(rebuilt.path("sizes")).isEqualTo(result.path("sizes"));
  }

  @Test
  void aFunctionThatAlwaysFails_exits3WithItsError_andIsLeftAsFound() throws Exception {
    String arn =
        targets.deploy(
            "e2e-fails",
            Targets.python(
                work,
                "fails",
                "def handler(event, context):\n    raise ValueError('the database is down')\n"));
    Targets.State before = targets.state("e2e-fails");

    Powertune.Result run =
        powertune("tune", "--function", arn, "--powers", "128,256", "--num", "5");

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
    assertThat(run.err()).contains("ValueError").contains("the database is down");
    assertThat(targets.state("e2e-fails")).isEqualTo(before);
  }

  @Test
  void aVersionThatDoesNotRunAsLatest_exits2WithTheInitializersReason_andPublishesNothing()
      throws Exception {
    targets.deploy("e2e-diverged", Targets.example("io-python"));
    String version = backend.lambda().publishVersion(r -> r.functionName("e2e-diverged")).version();
    backend.lambda().updateFunctionConfiguration(r -> r.functionName("e2e-diverged").timeout(61));
    backend.lambda().waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("e2e-diverged"));
    Targets.State before = targets.state("e2e-diverged");
    String qualified =
        backend.lambda().getFunctionConfiguration(r -> r.functionName("e2e-diverged")).functionArn()
            + ":"
            + version;

    // the CLI takes a qualified ARN; the tuner's Initializer finds the version differs
    Powertune.Result run = powertune("tune", "--function", qualified, "--powers", "128,256");

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
    assertThat(run.err()).contains("lambdaARN").contains("timeout").doesNotContain("Exception:");
    assertThat(targets.state("e2e-diverged")).isEqualTo(before);
  }
}
