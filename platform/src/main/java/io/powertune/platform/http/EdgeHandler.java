package io.powertune.platform.http;

import io.powertune.platform.auth.SigV4Verifier;
import io.powertune.platform.auth.SigV4Verifier.ReceivedRequest;
import io.powertune.platform.auth.SignatureException;
import io.powertune.platform.auth.SignedScope;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one port of the AWS APIs: verifies each request's SigV4 signature, routes it to the service
 * that accepts its path or X-Amz-Target, and writes the answer with a request id.
 */
public final class EdgeHandler extends Handler.Abstract {

  private static final Logger LOG = LoggerFactory.getLogger(EdgeHandler.class);

  private final List<AwsService> services;
  private final SigV4Verifier verifier;
  private final String account;
  private final Executor workers;

  /**
   * @param workers runs the API operations (an Invoke may take its whole timeout)
   */
  public EdgeHandler(
      List<AwsService> services, SigV4Verifier verifier, String account, Executor workers) {
    this.services = List.copyOf(services);
    this.workers = workers;
    this.verifier = verifier;
    this.account = account;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Map<String, String> headers = headers(request);
    AwsService target = route(request.getHttpURI().getPath(), headers.get("x-amz-target"));
    try {
      verifier.precheck(headers);
    } catch (SignatureException e) {
      // refused on its headers: the body is not read (the connection closes instead)
      String requestId = RequestIds.next();
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
      write(response, target.error(e, requestId), requestId, callback);
      return true;
    }
    int maxBody = target.maxRequestBytes();
    AtomicBoolean inHandle = new AtomicBoolean(true);
    Thread handling = Thread.currentThread();
    Content.Source.asByteArrayAsync(
        request,
        maxBody,
        Promise.Invocable.from(
            InvocationType.NON_BLOCKING,
            (byte[] body, Throwable error) -> {
              if (error != null) {
                // the body is over the limit, or the connection broke while it was sent
                response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
                write(
                    response,
                    target.error(
                        new AwsServiceException(
                            "RequestEntityTooLargeException",
                            413,
                            "Request must be smaller than " + maxBody + " bytes"),
                        RequestIds.next()),
                    RequestIds.next(),
                    callback);
              } else if (inHandle.get() && Thread.currentThread() == handling) {
                // the body was already there: answer on this (blocking-capable) handler thread
                answer(request, body, response, callback);
              } else {
                workers.execute(() -> answer(request, body, response, callback));
              }
            }));
    inHandle.set(false);
    return true;
  }

  private void answer(Request request, byte[] body, Response response, Callback callback) {
    String requestId = RequestIds.next();
    Map<String, String> headers = headers(request);
    String rawPath = request.getHttpURI().getPath();
    AwsService service = route(rawPath, headers.get("x-amz-target"));
    AwsResponse answer;
    try {
      Map<String, List<String>> query = query(request);
      SignedScope scope =
          verifier.verify(new ReceivedRequest(request.getMethod(), rawPath, query, headers, body));
      if (!service.signingName().isEmpty() && !scope.service().equals(service.signingName())) {
        throw SignatureException.wrongService(service.signingName());
      }
      AwsRequest awsRequest =
          new AwsRequest(
              request.getMethod(),
              segments(rawPath),
              firstValues(query),
              headers,
              body,
              scope.region(),
              account,
              requestId);
      answer = service.handle(awsRequest);
    } catch (AwsServiceException e) {
      answer = service.error(e, requestId);
    } catch (RuntimeException e) {
      LOG.error("request {} {} failed", request.getMethod(), rawPath, e);
      answer =
          service.error(
              new AwsServiceException(
                  "ServiceException",
                  500,
                  "The platform failed to handle the request; its log has the details.",
                  AwsServiceException.MessageKey.UPPER),
              requestId);
    }
    write(response, answer, requestId, callback);
  }

  private AwsService route(String path, String target) {
    return services.stream()
        .filter(s -> s.accepts(path, target))
        .findFirst()
        .orElse(new UnknownService());
  }

  private static void write(Response response, AwsResponse answer, String requestId, Callback cb) {
    response.setStatus(answer.status());
    response.getHeaders().put("x-amzn-RequestId", requestId);
    answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
    if (answer.contentType() != null) {
      response.getHeaders().put("Content-Type", answer.contentType());
    }
    response.write(true, ByteBuffer.wrap(answer.body()), cb);
  }

  private static Map<String, String> headers(Request request) {
    Map<String, String> headers = new HashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.putIfAbsent(field.getLowerCaseName(), field.getValue());
    }
    return headers;
  }

  private static Map<String, List<String>> query(Request request) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    Fields fields;
    try {
      fields = Request.extractQueryParameters(request);
    } catch (IllegalArgumentException e) {
      throw new AwsServiceException(
          "ValidationException",
          400,
          "The query string is not valid percent-encoding: " + request.getHttpURI().getQuery());
    }
    for (Fields.Field field : fields) {
      query.put(field.getName(), new ArrayList<>(field.getValues()));
    }
    return query;
  }

  private static Map<String, String> firstValues(Map<String, List<String>> query) {
    Map<String, String> first = new HashMap<>();
    query.forEach((name, values) -> first.put(name, values.isEmpty() ? "" : values.get(0)));
    return first;
  }

  private static List<String> segments(String rawPath) {
    return Arrays.stream(rawPath.split("/"))
        .filter(s -> !s.isEmpty())
        .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
        .toList();
  }

  /** Answers requests no service accepts. */
  private static final class UnknownService implements AwsService {
    private final JsonProtocol protocol = new JsonProtocol("1.1");

    @Override
    public String signingName() {
      return "";
    }

    @Override
    public boolean accepts(String path, String target) {
      return true;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
      throw new AwsServiceException(
          "UnknownOperationException",
          404,
          "No operation at " + request.method() + " /" + String.join("/", request.path()));
    }

    @Override
    public AwsResponse error(AwsServiceException error, String requestId) {
      return protocol.error(error);
    }
  }
}
