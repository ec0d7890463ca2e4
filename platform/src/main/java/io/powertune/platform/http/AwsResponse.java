package io.powertune.platform.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One API response.
 *
 * @param status HTTP status
 * @param headers extra headers
 * @param contentType the body's type, or null for none
 * @param body the body bytes
 */
public record AwsResponse(
    int status, Map<String, String> headers, String contentType, byte[] body) {

  public static AwsResponse json(int status, String json) {
    return new AwsResponse(
        status, Map.of(), "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  public static AwsResponse empty(int status) {
    return new AwsResponse(status, Map.of(), null, new byte[0]);
  }

  /** A copy with one more header. */
  public AwsResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new AwsResponse(status, copy, contentType, body);
  }
}
