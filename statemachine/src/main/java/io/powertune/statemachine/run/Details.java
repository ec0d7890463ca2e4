package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Event details in their wire shape: JSON text for data, with {"truncated": false} beside it. */
final class Details {

  private Details() {}

  static ObjectNode none() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** {@code {<key>: {}}}, returning the inner object to fill. */
  static ObjectNode under(ObjectNode event, String key) {
    return event.putObject(key);
  }

  static ObjectNode of(String key) {
    return none().putObject(key);
  }

  static void data(ObjectNode details, String field, JsonNode value) {
    details.put(field, value.toString());
    details.putObject(field + "Details").put("truncated", false);
  }

  /** The details object that holds {@code inner}: the event's details. */
  static ObjectNode wrap(String key, ObjectNode inner) {
    ObjectNode event = none();
    event.set(key, inner);
    return event;
  }

  static ObjectNode stateEntered(String name, JsonNode input) {
    ObjectNode inner = none().put("name", name);
    data(inner, "input", input);
    return wrap("stateEnteredEventDetails", inner);
  }

  /** A StateExited event's details, {@code output} already serialized. */
  static ObjectNode stateExited(String name, String output) {
    ObjectNode inner = none().put("name", name).put("output", output);
    inner.putObject("outputDetails").put("truncated", false);
    return wrap("stateExitedEventDetails", inner);
  }

  static ObjectNode errorCause(String key, String error, String cause) {
    ObjectNode inner = none();
    if (error != null) {
      inner.put("error", error);
    }
    if (cause != null) {
      inner.put("cause", cause);
    }
    return wrap(key, inner);
  }
}
