package io.powertune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
