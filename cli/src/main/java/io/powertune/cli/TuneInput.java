package io.powertune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.powertune.analyzer.JsonFields;
import io.powertune.analyzer.model.InvalidInputException;
import java.util.HashMap;
import java.util.Map;

/**
 * The execution input {@code tune} starts: the {@code --input} file's fields, overridden by flags.
 * It remembers which flag set which field, so an error names what the user typed.
 */
final class TuneInput {

  private final ObjectNode input;
  private final Map<String, String> flags = new HashMap<>();
  private final String inputFile;

  /**
   * @param file the {@code --input} file's JSON, or null
   * @param inputFile the file's name, for errors
   */
  TuneInput(JsonNode file, String inputFile) {
    if (file != null && !file.isObject()) {
      throw new InvalidInputException(
          "--input " + inputFile, "expected a JSON object (the execution input), got " + file);
    }
    this.input =
        file == null ? JsonNodeFactory.instance.objectNode() : ((ObjectNode) file).deepCopy();
    this.inputFile = inputFile;
  }

  /**
   * The flags that set input fields.
   *
   * @param inputFile {@code --input}
   * @param function {@code --function}
   * @param powers {@code --powers}
   * @param num {@code --num}
   * @param strategy {@code --strategy}
   * @param balancedWeight {@code --balanced-weight}
   * @param parallel {@code --parallel}
   * @param payload {@code --payload}
   * @param coldStarts {@code --cold-starts}
   * @param autoOptimize {@code --auto-optimize}
   * @param alias {@code --alias}
   * @param adaptive {@code --adaptive}
   */
  record Flags(
      String inputFile,
      String function,
      String powers,
      Integer num,
      String strategy,
      Double balancedWeight,
      Boolean parallel,
      String payload,
      Boolean coldStarts,
      Boolean autoOptimize,
      String alias,
      Boolean adaptive) {}

  /**
   * The execution input: the file's fields, then the flags; num defaults to 10 (an adaptive run has
   * none: the race decides, up to maxNum).
   */
  static TuneInput from(Flags flags) {
    JsonNode file =
        flags.inputFile() == null
            ? null
            : JsonInput.parse(JsonInput.text(flags.inputFile(), "--input", System.in), "--input");
    TuneInput input = new TuneInput(file, flags.inputFile());
    input.set("lambdaARN", "--function", text(flags.function()));
    input.set("powerValues", "--powers", powers(flags.powers()));
    input.set("num", "--num", flags.num() == null ? null : IntNode.valueOf(flags.num()));
    input.set("strategy", "--strategy", text(flags.strategy()));
    input.set(
        "balancedWeight",
        "--balanced-weight",
        flags.balancedWeight() == null ? null : DoubleNode.valueOf(flags.balancedWeight()));
    input.set("parallelInvocation", "--parallel", flag(flags.parallel()));
    input.set("payload", "--payload", flags.payload() == null ? null : payload(flags.payload()));
    input.set("onlyColdStarts", "--cold-starts", flag(flags.coldStarts()));
    input.set("autoOptimize", "--auto-optimize", flag(flags.autoOptimize()));
    input.set("autoOptimizeAlias", "--alias", text(flags.alias()));
    input.set(
        "sampling",
        "--adaptive",
        Boolean.TRUE.equals(flags.adaptive()) ? TextNode.valueOf("adaptive") : null);
    if (!input.json().path("sampling").asText("").equalsIgnoreCase("adaptive")) {
      input.setDefault("num", IntNode.valueOf(10));
    }
    input.refuseIdleFlags();
    return input;
  }

  /** Flags that would be silently ignored are mistakes: say so. */
  private void refuseIdleFlags() {
    if (JsonFields.isAbsent(input.get("lambdaARN"))) {
      throw new InvalidInputException(
          "--function", "missing; name the function to tune (or give lambdaARN in --input)");
    }
    if (flags.containsKey("autoOptimizeAlias") && !isTrue("autoOptimize")) {
      throw new InvalidInputException(
          "--alias", "only means something with --auto-optimize (or autoOptimize in --input)");
    }
    if (flags.containsKey("balancedWeight")
        && !input.path("strategy").asText("").equalsIgnoreCase("balanced")) {
      throw new InvalidInputException(
          "--balanced-weight", "only means something with --strategy balanced");
    }
  }

  private boolean isTrue(String field) {
    JsonNode value = input.get(field);
    return value != null && (value.asBoolean() || value.asText().equalsIgnoreCase("true"));
  }

  ObjectNode json() {
    return input;
  }

  /** Sets {@code field} from {@code flag} when the flag was given. */
  void set(String field, String flag, JsonNode value) {
    if (value != null) {
      input.set(field, value);
      flags.put(field, flag);
    }
  }

  /** Sets {@code field} to a default when neither the file nor a flag gave it. */
  void setDefault(String field, JsonNode value) {
    if (!input.has(field)) {
      input.set(field, value);
    }
  }

  /** The same problem, named as the user wrote it: a flag, or the file's field. */
  InvalidInputException rename(InvalidInputException e) {
    String root = e.field().split("[\\[.]", 2)[0];
    String flag = flags.get(root);
    if (flag != null) {
      return new InvalidInputException(flag, e.problem());
    }
    if (inputFile != null && input.has(root)) {
      return new InvalidInputException("--input " + inputFile + ": " + e.field(), e.problem());
    }
    return e;
  }

  private static JsonNode text(String value) {
    return value == null ? null : TextNode.valueOf(value);
  }

  private static JsonNode flag(Boolean value) {
    return value == null ? null : BooleanNode.valueOf(value);
  }

  /** {@code --payload}: JSON text, or @file; text that is not JSON is a string payload. */
  static JsonNode payload(String text) {
    String content =
        text.startsWith("@") ? JsonInput.text(text.substring(1), "--payload", System.in) : text;
    try {
      return JsonInput.parse(content, "--payload");
    } catch (InvalidInputException e) {
      return TextNode.valueOf(content);
    }
  }

  /** {@code --powers}: a comma-separated list of sizes, or ALL. */
  static JsonNode powers(String text) {
    if (text == null) {
      return null;
    }
    if (text.strip().equalsIgnoreCase("ALL")) {
      return JsonNodeFactory.instance.textNode("ALL");
    }
    ArrayNode sizes = JsonNodeFactory.instance.arrayNode();
    for (String part : text.split(",")) {
      String size = part.strip();
      if (!size.matches("\\d+")) {
        throw new InvalidInputException(
            "--powers", "'" + size + "' is not a memory size; give e.g. 128,512,1024 or ALL");
      }
      sizes.add(Integer.parseInt(size));
    }
    return sizes;
  }
}
