package io.powertune.tuner.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.analyzer.adaptive.SamplingSettings;
import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.analyzer.strategy.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TuningInputReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:function:my-fn";

  private static TuningInput read(String json) throws Exception {
    return TuningInputReader.read(JSON.readTree(json), PowerValues.DEFAULTS, "us-east-1");
  }

  private static String withArn(String fields) {
    return "{\"lambdaARN\":\"" + ARN + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
  }

  @Test
  void read_minimalInput_takesTheOriginalsDefaults() throws Exception {
    TuningInput input = read(withArn("\"num\":10"));

    assertThat(input.target().name()).isEqualTo("my-fn");
    assertThat(input.target().region()).isEqualTo("eu-west-1");
    assertThat(input.powerValues()).containsExactly(128, 256, 512, 1024, 1536, 3008);
    assertThat(input.strategy()).isEqualTo(Strategy.COST);
    assertThat(input.balancedWeight()).isEqualTo(0.5);
    assertThat(input.discardTopBottom()).isEqualTo(0.2);
    assertThat(input.maxParallelInvocations()).isEqualTo(10);
    assertThat(input.autoOptimizeAlias()).isNull();
    assertThat(input.invocationsPerSize()).isEqualTo(10);
    assertThat(input.alias(512, 3)).isEqualTo("RAM512");
    assertThat(input.concurrentSizes()).isNull();
  }

  @Test
  void read_concurrentSizes_whenGiven() throws Exception {
    assertThat(read(withArn("\"num\":5,\"concurrentSizes\":2")).concurrentSizes()).isEqualTo(2);
  }

  @Test
  void read_stringsAsTheOriginalAcceptsThem() throws Exception {
    TuningInput input =
        read(
            withArn("\"num\":\"7\",\"powerValues\":[\"128\",512],\"parallelInvocation\":\"true\""));

    assertThat(input.num()).isEqualTo(7);
    assertThat(input.powerValues()).containsExactly(128, 512);
    assertThat(input.parallelInvocation()).isTrue();
  }

  @Test
  void read_all_isTheOriginals46Sizes() throws Exception {
    assertThat(read(withArn("\"num\":5,\"powerValues\":\"ALL\"")).powerValues())
        .hasSize(46)
        .startsWith(128, 192)
        .endsWith(3008);
  }

  @Test
  void read_onlyColdStarts_discardsNothing_andAliasesEachInvocation() throws Exception {
    TuningInput input = read(withArn("\"num\":5,\"onlyColdStarts\":true,\"discardTopBottom\":0.3"));

    assertThat(input.discardTopBottom()).isZero();
    assertThat(input.alias(256, 4)).isEqualTo("RAM256-4");
  }

  @Test
  void read_dryRun_invokesOncePerSize() throws Exception {
    assertThat(read(withArn("\"num\":10,\"dryRun\":true")).invocationsPerSize()).isEqualTo(1);
  }

  @Test
  void read_payloadS3_replacesThePayload() throws Exception {
    TuningInput input =
        read(withArn("\"num\":5,\"payload\":{\"a\":1},\"payloadS3\":\"s3://bucket/key/p.json\""));

    assertThat(input.payload()).isNull();
    assertThat(input.payloadS3()).isEqualTo(new S3Location("bucket", "key/p.json"));
  }

  @Test
  void read_autoOptimizeAlias_onlyWithAutoOptimize() throws Exception {
    assertThat(read(withArn("\"num\":5,\"autoOptimizeAlias\":\"prod\"")).autoOptimizeAlias())
        .isNull();
    assertThat(
            read(withArn("\"num\":5,\"autoOptimize\":true,\"autoOptimizeAlias\":\"prod\""))
                .autoOptimizeAlias())
        .isEqualTo("prod");
  }

  @Test
  void read_processorsAndAllowedExceptions() throws Exception {
    TuningInput input =
        read(withArn("\"num\":5,\"preProcessorARN\":\"pre\",\"allowedExceptions\":[\"A\",\"B\"]"));

    assertThat(input.preProcessor().name()).isEqualTo("pre");
    assertThat(input.preProcessor().region()).isEqualTo("us-east-1");
    assertThat(input.postProcessor()).isNull();
    assertThat(input.allowedExceptions()).containsExactly("A", "B");
  }

  @Test
  void read_adaptive_takesTheDefaults_andNeedsNoNum() throws Exception {
    TuningInput input = read(withArn("\"sampling\":\"adaptive\""));

    assertThat(input.adaptive()).isTrue();
    assertThat(input.sampling()).isEqualTo(SamplingSettings.DEFAULTS);
    assertThat(input.num()).isEqualTo(50);
  }

  @Test
  void read_adaptiveSettings_whenGiven() throws Exception {
    TuningInput input =
        read(
            withArn(
                "\"sampling\":\"Adaptive\",\"confidence\":0.9,\"tieTolerance\":0.02,"
                    + "\"minNum\":3,\"maxNum\":20"));

    assertThat(input.sampling()).isEqualTo(new SamplingSettings(0.9, 0.02, 3, 20));
    assertThat(input.num()).isEqualTo(20);
  }

  @Test
  void read_fixed_isTheOriginals() throws Exception {
    TuningInput input = read(withArn("\"num\":5,\"sampling\":\"fixed\""));

    assertThat(input.adaptive()).isFalse();
    assertThat(input.sampling()).isNull();
  }

  @Test
  void read_adaptiveDryRun_invokesOncePerSize() throws Exception {
    TuningInput input = read(withArn("\"sampling\":\"adaptive\",\"dryRun\":true"));

    assertThat(input.adaptive()).isFalse();
    assertThat(input.invocationsPerSize()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'{\"lambdaARN\":\"f\",\"sampling\":\"smart\"}' | sampling: expected \"fixed\" (num invocations per size) or \"adaptive\", got 'smart'",
        "'{\"lambdaARN\":\"f\",\"num\":5,\"maxNum\":20}' | maxNum: is a setting of adaptive sampling; add \"sampling\": \"adaptive\" or leave it out",
        "'{\"lambdaARN\":\"f\",\"sampling\":\"adaptive\",\"confidence\":1}' | confidence: expected a number from 0.5 to 0.999, got 1",
        "'{\"lambdaARN\":\"f\",\"sampling\":\"adaptive\",\"tieTolerance\":-0.01}' | tieTolerance: expected a number from 0.0 to 0.5, got -0.01",
        "'{\"lambdaARN\":\"f\",\"sampling\":\"adaptive\",\"maxNum\":10,\"minNum\":11}' | minNum: expected a whole number from 2 to 10, got 11",
        "'{\"lambdaARN\":\"f\",\"sampling\":\"adaptive\",\"maxNum\":2000}' | maxNum: expected a whole number from 5 to 1000, got 2000",
        "'{\"lambdaARN\":\"f\",\"sampling\":\"adaptive\",\"maxNum\":1000}' | maxNum: 1000 at 6 sizes would keep up to 6000 invocations' figures in one Step Functions state, where at most 4000 fit (256 KB); lower maxNum to 666 or measure fewer sizes",
        "'{\"lambdaARN\":\"f\",\"sampling\":\"adaptive\",\"num\":10}' | num: is not used with \"sampling\": \"adaptive\" (the race decides how many invocations each size gets, up to maxNum); remove it, or set maxNum",
        "'{\"lambdaARN\":\"f\",\"sampling\":\"adaptive\",\"onlyColdStarts\":true}' | onlyColdStarts: cannot be combined with \"sampling\": \"adaptive\" (every cold start needs a version published ahead, so its count must be fixed); use \"sampling\": \"fixed\" with num, or leave onlyColdStarts out",
      })
  void read_invalidSampling_namesTheFieldAndTheFix(String json, String message) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'{\"num\":5}' | lambdaARN: missing or empty; give the function's ARN (or its name)",
        "'{\"lambdaARN\":\"arn:aws:s3:::bucket\",\"num\":5}' | lambdaARN: 'arn:aws:s3:::bucket' is not a Lambda function ARN or name; give one like arn:aws:lambda:us-east-1:123456789012:function:my-function (optionally with :alias or :version)",
        "'{\"lambdaARN\":\"f\"}' | num: missing; give the number of invocations per memory size (at least 5; 10 to 100 is usual)",
        "'{\"lambdaARN\":\"f\",\"num\":4}' | num: expected a whole number from 5 to 1000, got 4",
        "'{\"lambdaARN\":\"f\",\"num\":\"ten\"}' | num: expected a whole number, got \"ten\"",
        "'{\"lambdaARN\":\"f\",\"num\":5,\"powerValues\":[128,128]}' | powerValues: 128 MB is listed twice; list each size once",
        "'{\"lambdaARN\":\"f\",\"num\":5,\"powerValues\":[20000]}' | powerValues[0]: 20000 MB is outside what Lambda accepts; use 128 to 10240 MB",
        "'{\"lambdaARN\":\"f\",\"num\":5,\"powerValues\":[512.5]}' | powerValues[0]: expected a whole number of MB from 128 to 10240, got 512.5",
        "'{\"lambdaARN\":\"f\",\"num\":5,\"powerValues\":\"some\"}' | powerValues: 'some' is not a list of sizes; give e.g. [128, 512, 1024] or \"ALL\"",
        "'{\"lambdaARN\":\"f\",\"num\":5,\"strategy\":\"cheap\"}' | strategy: unknown strategy 'cheap'; use one of cost, speed, balanced",
        "'{\"lambdaARN\":\"f\",\"num\":5,\"balancedWeight\":1.5}' | balancedWeight: expected a number from 0 to 1, got 1.5",
        "'{\"lambdaARN\":\"f\",\"num\":5,\"discardTopBottom\":0.5}' | discardTopBottom: expected a number from 0 to 0.4, got 0.5",
        "'{\"lambdaARN\":\"f\",\"num\":5,\"sleepBetweenRunsMs\":-1}' | sleepBetweenRunsMs: expected a whole number from 0 to 900000, got -1",
        "'{\"lambdaARN\":\"f\",\"num\":5,\"autoOptimize\":true,\"autoOptimizeAlias\":\"RAM512\"}' | autoOptimizeAlias: 'RAM512' is a name the tuning itself uses (RAM<size>) and deletes at its end; choose another name, e.g. prod",
        "'{\"lambdaARN\":\"f\",\"num\":5,\"autoOptimize\":true,\"autoOptimizeAlias\":\"42\"}' | autoOptimizeAlias: '42' is not an alias name; use 1 to 128 letters, digits, '-' or '_', not all digits",
        "'{\"lambdaARN\":\"f\",\"num\":5,\"allowedExceptions\":\"Oops\"}' | allowedExceptions: expected a list of error types, e.g. [\"HandledError\"], got \"Oops\"",
        "'{\"lambdaARN\":\"f\",\"num\":5,\"payloadS3\":\"bucket/key\"}' | payloadS3: 'bucket/key' is not an S3 object; give it as s3://BUCKET/KEY",
        "'{\"lambdaARN\":\"f\",\"num\":5,\"maxParallelInvocations\":0}' | maxParallelInvocations: expected a whole number from 1 to 200, got 0",
        "'{\"lambdaARN\":\"f\",\"num\":5,\"dryRun\":\"yes\"}' | dryRun: expected true or false, got \"yes\"",
        "'{\"lambdaARN\":\"f\",\"num\":5,\"payload\":[{\"payload\":1,\"weight\":1},{\"payload\":2,\"weight\":20}]}' | payload[0].weight: too small for num=5: this payload would get no invocation; raise its weight or num",
      })
  void read_invalidField_namesItAndTheFix(String json, String message) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(message);
  }

  @Test
  void read_notAnObject_isRefused() {
    JsonNode array = JSON.createArrayNode();

    assertThatThrownBy(() -> TuningInputReader.read(array, List.of(128), "us-east-1"))
        .hasMessage("input: expected a JSON object with at least lambdaARN and num");
  }
}
