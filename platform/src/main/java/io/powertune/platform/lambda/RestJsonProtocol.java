package io.powertune.platform.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.platform.http.AwsResponse;
import io.powertune.platform.http.AwsServiceException;
import io.powertune.platform.http.JsonProtocol;
import java.util.Map;

/**
 * Lambda's rest-json protocol: JSON bodies, and errors named by the {@code x-amzn-ErrorType}
 * header.
 */
final class RestJsonProtocol {

  private RestJsonProtocol() {}

  static AwsResponse ok(int status, JsonNode body) {
    try {
      return new AwsResponse(
          status, Map.of(), "application/json", JsonProtocol.MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static AwsResponse error(AwsServiceException error) {
    ObjectNode body = JsonProtocol.MAPPER.createObjectNode();
    body.put("Type", error.senderFault() ? "User" : "Service");
    body.put(error.messageKey().key(), error.getMessage());
    error.extraFields().forEach(body::put);
    AwsResponse response = ok(error.status(), body).withHeader("x-amzn-ErrorType", error.code());
    if (error.status() == 429) {
      response = response.withHeader("Retry-After", "1");
    }
    return response;
  }
}
