package io.powertune.platform.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests refused before any service sees them (a path the HTTP layer finds ambiguous, a header
 * too large, a malformed request line) are answered in AWS's error shape too, never with an HTML
 * page: the code in {@code x-amzn-ErrorType} (read by rest-json clients) and in {@code __type}
 * (read by JSON 1.0 and 1.1 clients).
 */
public final class AwsErrorHandler extends ErrorHandler {

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    Object message = request.getAttribute(ERROR_MESSAGE);
    byte[] body = body(status, message == null ? null : message.toString());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put("x-amzn-ErrorType", code(status));
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  static String code(int status) {
    return switch (status) {
      case 400 -> "ValidationException";
      case 404 -> "UnknownOperationException";
      case 405 -> "MethodNotAllowedException";
      case 413 -> "RequestEntityTooLargeException";
      case 414 -> "RequestUriTooLongException";
      case 431 -> "RequestHeaderFieldsTooLargeException";
      default -> status >= 500 ? "ServiceException" : "BadRequestException";
    };
  }

  private static byte[] body(int status, String reason) {
    ObjectNode node = JsonProtocol.MAPPER.createObjectNode();
    node.put("__type", code(status));
    node.put(
        "message",
        reason == null || reason.isBlank()
            ? "The request could not be read (HTTP " + status + ")."
            : "The request could not be read: " + reason + ".");
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
