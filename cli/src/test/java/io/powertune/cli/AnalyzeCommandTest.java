package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

  private static final String SAMPLE = "../examples/analyze/stats.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  @Test
  void analyze_sample_printsTheAnalysisInTheOriginalsShape() throws Exception {
    CliRun run = CliRun.of("analyze", "--input", SAMPLE, "--region", "us-east-1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    JsonNode out = json(run.out());
    assertThat(out.fieldNames())
        .toIterable()
        .containsExactly("power", "cost", "duration", "stateMachine", "stats");
    assertThat(out.get("power").asInt()).isEqualTo(128);
    assertThat(out.at("/stateMachine/executionCost").asDouble()).isEqualTo(0.0006);
    assertThat(out.at("/stateMachine/visualization").asText())
        .startsWith("https://lambda-power-tuning.show/#gAAAAQACAAQABsAL;");
    assertThat(out.get("stats")).hasSize(6);
    assertThat(out.at("/stats/0").fieldNames())
        .toIterable()
        .containsExactly("value", "averagePrice", "averageDuration");
  }

  @Test
  void analyze_flagsOverrideTheFile() throws Exception {
    CliRun speed = CliRun.of("analyze", "-i", SAMPLE, "--strategy", "speed");
    CliRun balanced =
        CliRun.of("analyze", "-i", SAMPLE, "--strategy", "balanced", "--balanced-weight", "0.9");
    CliRun cheapest =
        CliRun.of("analyze", "-i", SAMPLE, "--strategy", "balanced", "--balanced-weight", "1");
    CliRun noStats = CliRun.of("analyze", "-i", SAMPLE, "--no-include-output-results");

    assertThat(json(speed.out()).get("power").asInt()).isEqualTo(3008);
    assertThat(json(balanced.out()).get("power").asInt()).isEqualTo(1024);
    assertThat(json(cheapest.out()).get("power").asInt()).isEqualTo(128);
    assertThat(json(noStats.out()).has("stats")).isFalse();
  }

  @Test
  void analyze_regionPricesTheStateTransitions() throws Exception {
    CliRun run = CliRun.of("analyze", "-i", SAMPLE, "--region", "us-west-1");

    // 24 transitions at $0.0000279
    assertThat(json(run.out()).at("/stateMachine/executionCost").asDouble()).isEqualTo(0.00067);
  }

  @Test
  void analyze_ownPriceFile_isUsed() throws Exception {
    Path prices = dir.resolve("prices.json");
    Files.writeString(
        prices,
        """
        {"name":"mine","takenOn":"2026-01-01",
         "lambda":{"computeUnit":"GB-second","compute":{"x86_64":{"default":1},"arm64":{"default":1}},
                   "requestsPerMillion":{"default":0}},
         "stepFunctions":{"perStateTransition":{"default":0.001}}}
        """);

    CliRun run = CliRun.of("analyze", "-i", SAMPLE, "--prices", prices.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(json(run.out()).at("/stateMachine/executionCost").asDouble()).isEqualTo(0.024);
  }

  @Test
  void analyze_dryRun_printsNull() throws Exception {
    Path event = dir.resolve("dry.json");
    Files.writeString(
        event,
        "{\"dryRun\":true,\"stats\":[{\"value\":128,\"averagePrice\":1,\"averageDuration\":1}]}");

    CliRun run = CliRun.of("analyze", "-i", event.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).isEqualTo("null");
  }

  @Test
  void analyze_unmeasuredEntry_isNotedOnStderr() throws Exception {
    Path event = dir.resolve("partial.json");
    Files.writeString(
        event,
        "{\"stats\":[{\"value\":128,\"averagePrice\":0,\"averageDuration\":0},"
            + "{\"value\":256,\"averagePrice\":1e-7,\"averageDuration\":5}]}");

    CliRun run = CliRun.of("analyze", "-i", event.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(json(run.out()).get("power").asInt()).isEqualTo(256);
    assertThat(run.errLines())
        .containsExactly(
            "powertune: note: 128 MB has no averageDuration, so it was left out of the comparison");
  }

  @Test
  void analyze_unknownStrategy_exits2WithOneLineNamingTheFlag() {
    CliRun run = CliRun.of("analyze", "-i", SAMPLE, "--strategy", "fastest");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            "powertune: --strategy: unknown strategy 'fastest'; use one of cost, speed, balanced");
  }

  @Test
  void analyze_nonNumericWeight_exits2() {
    CliRun run = CliRun.of("analyze", "-i", SAMPLE, "--balanced-weight", "heavy");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "powertune: --balanced-weight: expected a number from 0 to 1, got \"heavy\"");
  }

  @Test
  void analyze_badFieldInTheFile_namesTheFileAndField() throws Exception {
    Path event = dir.resolve("bad.json");
    Files.writeString(event, "{\"strategy\":\"cheap\",\"stats\":[{\"value\":128}]}");

    CliRun run = CliRun.of("analyze", "-i", event.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith("powertune: --input " + event + ": strategy: unknown strategy 'cheap'");
    assertThat(run.err()).doesNotContain("strategy: strategy");
  }

  @Test
  void analyze_missingFile_exits2() {
    CliRun run = CliRun.of("analyze", "-i", "nowhere.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("powertune: --input: no such file: nowhere.json");
  }

  @Test
  void analyze_invalidJson_saysWhere() throws Exception {
    Path event = dir.resolve("broken.json");
    Files.writeString(event, "{\n  \"stats\": [\n    {\"value\": 128,,}\n  ]\n}");

    CliRun run = CliRun.of("analyze", "-i", event.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("powertune: --input: not valid JSON at line 3, column");
  }

  @Test
  void analyze_badRegion_exits2() {
    CliRun run = CliRun.of("analyze", "-i", SAMPLE, "--region", "Europe");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("powertune: --region: 'Europe' is not an AWS region name");
  }

  @Test
  void analyze_badVisualizationUrl_exits2() {
    CliRun run = CliRun.of("analyze", "-i", SAMPLE, "--visualization-url", "ftp://x/");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly("powertune: --visualization-url: 'ftp://x/' is not an http(s) URL");
  }

  @Test
  void analyze_missingInputFlag_exits2WithOneLine() {
    CliRun run = CliRun.of("analyze");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("--input").contains("powertune analyze --help");
  }

  @Test
  void analyze_customViewer_isUsedForTheLink() throws Exception {
    CliRun run =
        CliRun.of("analyze", "-i", SAMPLE, "--visualization-url", "https://viewer.example/");

    assertThat(json(run.out()).at("/stateMachine/visualization").asText())
        .startsWith("https://viewer.example/#");
  }

  @Test
  void analyze_regionFromTheEnvironment_whenNoFlag() throws Exception {
    CliRun fromEnv =
        CliRun.withEnvironment(
            java.util.Map.of("AWS_REGION", "cn-north-1"), "analyze", "-i", SAMPLE);
    CliRun flagWins =
        CliRun.withEnvironment(
            java.util.Map.of("AWS_REGION", "cn-north-1"),
            "analyze",
            "-i",
            SAMPLE,
            "--region",
            "eu-west-1");

    assertThat(json(fromEnv.out()).at("/stateMachine/visualization").asText())
        .contains("?currency=CNY#");
    assertThat(json(flagWins.out()).at("/stateMachine/visualization").asText())
        .doesNotContain("CNY");
  }

  @Test
  void analyze_badRegionInTheEnvironment_namesTheVariable() {
    CliRun run =
        CliRun.withEnvironment(java.util.Map.of("AWS_REGION", "local"), "analyze", "-i", SAMPLE);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("powertune: AWS_REGION: 'local' is not an AWS region name");
  }
}
