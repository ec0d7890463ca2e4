package io.powertune.tuner.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.analyzer.JsonFields;
import io.powertune.analyzer.adaptive.SamplingSettings;
import io.powertune.analyzer.model.InvalidInputException;
import io.powertune.analyzer.strategy.Strategy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates a whole execution input before anything is published or invoked. Every error names the
 * field and says how to fix it. Fields the original reads keep its meaning; values it would have
 * accepted only to fail later (an unknown strategy, a size Lambda refuses) fail here.
 */
public final class TuningInputReader {

  /** The fewest invocations per size, as in the original. */
  public static final int MIN_NUM = 5;

  /** The most invocations per size: their figures must fit in a Step Functions state. */
  public static final int MAX_NUM = 1000;

  /**
   * The most invocations a race may run in all ({@code maxNum} times the sizes): every size's
   * figures travel in one Step Functions state (at most 256 KB) between rounds.
   */
  public static final int MAX_RACED_INVOCATIONS = 4000;

  /** The default cap on a size's invocations in flight with {@code parallelInvocation}. */
  public static final int DEFAULT_MAX_PARALLEL = 10;

  /** The highest cap: an Executor keeps a connection per invocation in flight. */
  public static final int MAX_PARALLEL = 200;

  private static final Pattern ALIAS = Pattern.compile("(?!^[0-9]+$)[a-zA-Z0-9_-]{1,128}");

  private TuningInputReader() {}

  /**
   * Reads and validates the input.
   *
   * @param defaultPowerValues the sizes used when the input names none
   * @param tunerRegion the region of functions named without an ARN
   * @throws InvalidInputException naming the first offending field
   */
  public static TuningInput read(
      JsonNode input, List<Integer> defaultPowerValues, String tunerRegion) {
    if (input == null || !input.isObject()) {
      throw new InvalidInputException(
          "input", "expected a JSON object with at least lambdaARN and num");
    }
    FunctionArn target =
        FunctionArn.parse(
            JsonFields.text(input.get("lambdaARN"), "lambdaARN"), "lambdaARN", tunerRegion);
    SamplingSettings sampling = SamplingReader.read(input);
    if (sampling != null && !JsonFields.isAbsent(input.get("num"))) {
      throw new InvalidInputException(
          "num",
          "is not used with \"sampling\": \"adaptive\" (the race decides how many invocations"
              + " each size gets, up to maxNum); remove it, or set maxNum");
    }
    int num = sampling != null ? sampling.maxNum() : num(input.get("num"));
    boolean onlyColdStarts = JsonFields.flag(input.get("onlyColdStarts"), "onlyColdStarts");
    if (sampling != null && onlyColdStarts) {
      throw new InvalidInputException(
          "onlyColdStarts",
          "cannot be combined with \"sampling\": \"adaptive\" (every cold start needs a version"
              + " published ahead, so its count must be fixed); use \"sampling\": \"fixed\" with"
              + " num, or leave onlyColdStarts out");
    }
    JsonNode payload = input.get("payload");
    S3Location payloadS3 = null;
    if (!JsonFields.isAbsent(input.get("payloadS3"))) {
      payloadS3 =
          S3Location.parse(JsonFields.text(input.get("payloadS3"), "payloadS3"), "payloadS3");
      payload = null;
    } else {
      Payloads.generate(payload, num, "payload");
    }
    boolean autoOptimize = JsonFields.flag(input.get("autoOptimize"), "autoOptimize");
    List<Integer> powerValues = PowerValues.read(input.get("powerValues"), defaultPowerValues);
    if (sampling != null && sampling.maxNum() * powerValues.size() > MAX_RACED_INVOCATIONS) {
      throw new InvalidInputException(
          "maxNum",
          sampling.maxNum()
              + " at "
              + powerValues.size()
              + " sizes would keep up to "
              + sampling.maxNum() * powerValues.size()
              + " invocations' figures in one Step Functions state, where at most "
              + MAX_RACED_INVOCATIONS
              + " fit (256 KB); lower maxNum to "
              + MAX_RACED_INVOCATIONS / powerValues.size()
              + " or measure fewer sizes");
    }
    return new TuningInput(
        target,
        powerValues,
        num,
        payload,
        payloadS3,
        JsonFields.flag(input.get("parallelInvocation"), "parallelInvocation"),
        bounded(
            input.get("maxParallelInvocations"),
            "maxParallelInvocations",
            DEFAULT_MAX_PARALLEL,
            1,
            MAX_PARALLEL),
        Strategy.parse(JsonFields.text(input.get("strategy"), "strategy"), "strategy"),
        share(input.get("balancedWeight"), "balancedWeight", Strategy.DEFAULT_BALANCED_WEIGHT, 1),
        autoOptimize,
        autoOptimize ? alias(input.get("autoOptimizeAlias")) : null,
        JsonFields.flag(input.get("dryRun"), "dryRun"),
        processor(input.get("preProcessorARN"), "preProcessorARN", tunerRegion),
        processor(input.get("postProcessorARN"), "postProcessorARN", tunerRegion),
        onlyColdStarts ? 0 : share(input.get("discardTopBottom"), "discardTopBottom", 0.2, 0.4),
        bounded(input.get("sleepBetweenRunsMs"), "sleepBetweenRunsMs", 0, 0, 900_000),
        JsonFields.flag(input.get("disablePayloadLogs"), "disablePayloadLogs"),
        JsonFields.flag(input.get("includeOutputResults"), "includeOutputResults"),
        onlyColdStarts,
        allowedExceptions(input.get("allowedExceptions")),
        JsonFields.isAbsent(input.get("concurrentSizes"))
            ? null
            : bounded(input.get("concurrentSizes"), "concurrentSizes", 0, 0, MAX_NUM),
        sampling);
  }

  private static int num(JsonNode node) {
    if (JsonFields.isAbsent(node)) {
      throw new InvalidInputException(
          "num",
          "missing; give the number of invocations per memory size (at least "
              + MIN_NUM
              + "; 10 to 100 is usual)");
    }
    return bounded(node, "num", 0, MIN_NUM, MAX_NUM);
  }

  static int bounded(JsonNode node, String field, int fallback, int min, int max) {
    Double value = JsonFields.number(node, field, "a whole number");
    if (value == null) {
      return fallback;
    }
    if (value != Math.floor(value) || value < min || value > max) {
      throw new InvalidInputException(
          field, "expected a whole number from " + min + " to " + max + ", got " + node);
    }
    return value.intValue();
  }

  private static double share(JsonNode node, String field, double fallback, double max) {
    String range =
        "a number from 0 to " + BigDecimal.valueOf(max).stripTrailingZeros().toPlainString();
    Double value = JsonFields.number(node, field, range);
    if (value == null) {
      return fallback;
    }
    if (value < 0 || value > max) {
      throw new InvalidInputException(field, "expected " + range + ", got " + node);
    }
    return value;
  }

  private static String alias(JsonNode node) {
    String alias = JsonFields.text(node, "autoOptimizeAlias");
    if (alias == null) {
      return null;
    }
    if (!ALIAS.matcher(alias).matches()) {
      throw new InvalidInputException(
          "autoOptimizeAlias",
          "'"
              + alias
              + "' is not an alias name; use 1 to 128 letters, digits, '-' or '_', not all"
              + " digits");
    }
    if (Aliases.isTuningAlias(alias)) {
      throw new InvalidInputException(
          "autoOptimizeAlias",
          "'"
              + alias
              + "' is a name the tuning itself uses (RAM<size>) and deletes at its end; choose"
              + " another name, e.g. prod");
    }
    return alias;
  }

  private static FunctionArn processor(JsonNode node, String field, String region) {
    String text = JsonFields.text(node, field);
    return text == null || text.isBlank() ? null : FunctionArn.parse(text, field, region);
  }

  private static List<String> allowedExceptions(JsonNode node) {
    if (JsonFields.isAbsent(node)) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new InvalidInputException(
          "allowedExceptions",
          "expected a list of error types, e.g. [\"HandledError\"], got " + node);
    }
    List<String> types = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode type = node.get(i);
      if (!type.isTextual() || type.asText().isBlank()) {
        throw new InvalidInputException(
            "allowedExceptions[" + i + "]", "expected an error type name, got " + type);
      }
      types.add(type.asText());
    }
    return types;
  }
}
