package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Greets whoever the event names. */
public final class Hello implements RequestHandler<Map<String, Object>, Map<String, String>> {

  @Override
  public Map<String, String> handleRequest(Map<String, Object> event, Context context) {
    Object name = event == null ? null : event.get("name");
    System.out.println("hello from java");
    return Map.of(
        "message",
        "Hello, " + (name == null ? "world" : name) + "!",
        "requestId",
        context.getAwsRequestId());
  }
}
