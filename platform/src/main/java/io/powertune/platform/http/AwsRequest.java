package io.powertune.platform.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One verified API request.
 *
 * @param method the HTTP method
 * @param path the decoded path segments after the leading slash
 * @param query decoded query parameters (first value of each)
 * @param headers request headers, names in lower case (first value of each)
 * @param body the raw body
 * @param region the region of the request's signing scope
 * @param account the account the request acts in
 * @param requestId the id this request is answered with
 */
public record AwsRequest(
    String method,
    List<String> path,
    Map<String, String> query,
    Map<String, String> headers,
    byte[] body,
    String region,
    String account,
    String requestId) {

  /** A header by its lower-case name, or null. */
  public String header(String name) {
    return headers.get(name);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
