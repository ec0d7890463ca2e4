package io.powertune.platform.runtime;

import io.powertune.platform.runtime.RuntimeResult.FunctionError;
import io.powertune.platform.runtime.RuntimeResult.Success;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

/**
 * The Lambda Runtime API ({@code /2018-06-01/runtime/...}) of every environment; an environment is
 * known by the local port its runtime connects to.
 */
public final class RuntimeApiHandler {

  /** Largest response a runtime may post: 6 MiB + 100 bytes. */
  static final int MAX_RESPONSE = 6_291_556;

  private static final String PREFIX = "/2018-06-01/runtime/";
  private static final int MAX_BODY = 64 * 1024 * 1024;

  private final Map<Integer, ExecutionEnvironment> byPort = new ConcurrentHashMap<>();
  private final RuntimeApiOwners owners = new RuntimeApiOwners();

  void register(int port, ExecutionEnvironment env) {
    byPort.put(port, env);
  }

  void unregister(int port) {
    byPort.remove(port);
  }

  public void handle(Request request, Response response, Callback callback) throws Exception {
    ExecutionEnvironment env = byPort.get(Request.getLocalPort(request));
    String path = request.getHttpURI().getPath();
    if (env == null || !path.startsWith(PREFIX)) {
      write(response, 404, "{\"errorMessage\":\"Not found\",\"errorType\":\"NotFound\"}", callback);
      return;
    }
    if (!owners.allows(request, env)) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
      write(
          response,
          403,
          "{\"errorMessage\":\"This Runtime API serves another execution environment\","
              + "\"errorType\":\"Forbidden\"}",
          callback);
      return;
    }
    List<String> parts = List.of(path.substring(PREFIX.length()).split("/"));
    String method = request.getMethod();
    if (method.equals("GET") && parts.equals(List.of("invocation", "next"))) {
      env.next(invocation -> respondNext(response, invocation, callback));
      return;
    }
    Content.Source.asByteArrayAsync(
        request,
        MAX_BODY,
        Promise.Invocable.from(
            // answering only completes a future (after a bounded drain): no thread hop needed
            InvocationType.NON_BLOCKING,
            (byte[] body, Throwable error) -> {
              if (error != null) {
                callback.failed(error);
              } else if (method.equals("POST") && parts.equals(List.of("init", "error"))) {
                env.initError(errorType(request), body);
                write(response, 202, "{\"status\":\"OK\"}", callback);
              } else if (method.equals("POST")
                  && parts.size() == 3
                  && parts.get(0).equals("invocation")) {
                answer(env, parts.get(1), parts.get(2), request, body, response, callback);
              } else {
                write(
                    response,
                    404,
                    "{\"errorMessage\":\"Not found\",\"errorType\":\"NotFound\"}",
                    callback);
              }
            }));
  }

  private static void answer(
      ExecutionEnvironment env,
      String requestId,
      String kind,
      Request request,
      byte[] body,
      Response response,
      Callback callback) {
    long now = System.nanoTime();
    RuntimeResult result;
    if (kind.equals("response") && body.length > MAX_RESPONSE) {
      env.complete(requestId, tooLarge(now));
      write(
          response,
          413,
          "{\"errorMessage\":\"Exceeded maximum allowed payload size (6291556 bytes).\","
              + "\"errorType\":\"RequestEntityTooLarge\"}",
          callback);
      return;
    } else if (kind.equals("response")) {
      result = new Success(body, now);
    } else if (kind.equals("error")) {
      result = new FunctionError(body, errorType(request), now);
    } else {
      write(response, 404, "{\"errorMessage\":\"Not found\",\"errorType\":\"NotFound\"}", callback);
      return;
    }
    if (env.complete(requestId, result)) {
      write(response, 202, "{\"status\":\"OK\"}", callback);
    } else {
      write(
          response,
          400,
          "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}",
          callback);
    }
  }

  private static FunctionError tooLarge(long now) {
    return new FunctionError(
        ("{\"errorMessage\":\"Response payload size exceeded maximum allowed payload size"
                + " (6291556 bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}")
            .getBytes(StandardCharsets.UTF_8),
        "Function.ResponseSizeTooLarge",
        now);
  }

  private static String errorType(Request request) {
    String type = request.getHeaders().get("Lambda-Runtime-Function-Error-Type");
    return type == null ? "Runtime.Unknown" : type;
  }

  private static void respondNext(Response response, Invocation invocation, Callback callback) {
    response.setStatus(200);
    var headers = response.getHeaders();
    headers.put("Content-Type", "application/json");
    headers.put("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
    headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMs()));
    headers.put("Lambda-Runtime-Invoked-Function-Arn", invocation.invokedArn());
    headers.put(
        "Lambda-Runtime-Trace-Id",
        "Root=1-00000000-"
            + invocation.requestId().replace("-", "").substring(0, 24)
            + ";Sampled=0");
    if (invocation.clientContext() != null) {
      headers.put("Lambda-Runtime-Client-Context", invocation.clientContext());
    }
    response.write(true, ByteBuffer.wrap(invocation.payload()), callback);
  }

  private static void write(Response response, int status, String json, Callback callback) {
    response.setStatus(status);
    response.getHeaders().put("Content-Type", "application/json");
    response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
