package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The conformance corpus's functions, in process: the same behaviours as
 * conformance/functions/app.py, which the platform runs for real. Each is named {@code
 * corpus-<behaviour>}; the function error payloads have the runtime's shape.
 */
final class CorpusFunctions implements TaskPort {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  @Override
  public LambdaResult invoke(LambdaCall call) throws InterruptedException {
    String name = call.functionName();
    name = name.substring(name.lastIndexOf(":function:") + 1);
    name = name.startsWith("function:") ? name.substring("function:".length()) : name;
    int colon = name.indexOf(':');
    name = colon < 0 ? name : name.substring(0, colon);
    JsonNode event;
    try {
      event = JSON.readTree(call.payload());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return switch (name) {
      case "corpus-identity" -> ok(event);
      case "corpus-add" ->
          ok(JSON.getNodeFactory().numberNode(event.path("a").asLong() + event.path("b").asLong()));
      case "corpus-raise" ->
          error(event.path("errorType").asText("Error"), event.path("message").asText(""));
      case "corpus-flaky" -> {
        int n =
            calls
                .computeIfAbsent(event.path("key").asText(), k -> new AtomicInteger())
                .incrementAndGet();
        yield n <= event.path("failures").asInt()
            ? error(event.path("errorType").asText("Flaky"), "call " + n + " failed")
            : ok(JSON.getNodeFactory().objectNode().put("calls", n));
      }
      case "corpus-sleep" -> {
        Thread.sleep((long) (event.path("seconds").asDouble() * 1000));
        yield ok(event);
      }
      default ->
          throw new LambdaApiException(
              "ResourceNotFoundException",
              404,
              "Function not found: arn:aws:lambda:"
                  + call.region()
                  + ":000000000000:function:"
                  + name,
              "req-1");
    };
  }

  private static LambdaResult ok(JsonNode payload) {
    return new LambdaResult(200, null, payload.toString(), "$LATEST", "req-1", null);
  }

  private static LambdaResult error(String type, String message) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("errorMessage", message);
    payload.put("errorType", type);
    payload.putArray("stackTrace");
    return new LambdaResult(200, "Unhandled", payload.toString(), "$LATEST", "req-1", null);
  }
}
