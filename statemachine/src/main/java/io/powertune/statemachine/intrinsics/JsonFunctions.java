package io.powertune.statemachine.intrinsics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** States.StringToJson, States.JsonToString and States.JsonMerge. */
final class JsonFunctions {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private JsonFunctions() {}

  /** States.StringToJson(string): the JSON value the string holds. */
  static JsonNode stringToJson(Args args) {
    String text = args.text(0, "the JSON text");
    JsonNode parsed;
    try {
      parsed = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw args.fail("the string is not valid JSON: " + e.getOriginalMessage());
    }
    if (parsed == null || parsed.isMissingNode()) {
      throw args.fail("the string is empty, not JSON");
    }
    return parsed;
  }

  /** States.JsonToString(value): the value as compact JSON text. */
  static JsonNode jsonToString(Args args) {
    return TextNode.valueOf(args.value(0).toString());
  }

  /**
   * States.JsonMerge(object1, object2, false): a shallow merge, object2's keys replacing object1's.
   * The third argument must be false: Step Functions does not support deep merging.
   */
  static JsonNode jsonMerge(Args args) {
    ObjectNode first = args.object(0, "the first object");
    ObjectNode second = args.object(1, "the second object");
    if (args.bool(2, "the deep merge flag")) {
      throw args.fail("deep merging is not supported; the third argument must be false");
    }
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    merged.setAll(first);
    merged.setAll(second);
    return merged;
  }
}
