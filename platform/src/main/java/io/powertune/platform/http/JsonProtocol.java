package io.powertune.platform.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The awsJson 1.0 and 1.1 protocols: POST /, X-Amz-Target, JSON in and out, {@code __type} errors.
 */
public final class JsonProtocol {

  /**
   * The platform's JSON mapper. A string may be as long as a body may be: CreateFunction carries a
   * deployment package of up to 50 MB as base64 (about 67 MB), past Jackson's default of 20 MB.
   * Text is JSON only when nothing follows its value ({@code 42 is the answer} is not), as AWS
   * reads it.
   */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxStringLength(80 * 1024 * 1024).build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final String contentType;

  /**
   * @param version {@code 1.0} or {@code 1.1}
   */
  public JsonProtocol(String version) {
    this.contentType = "application/x-amz-json-" + version;
  }

  /** The operation named by {@code X-Amz-Target} ({@code Prefix.Operation}). */
  public static String operation(AwsRequest request) {
    String target = request.header("x-amz-target");
    return target == null ? "" : target.substring(target.indexOf('.') + 1);
  }

  /** The request body as a JSON object; an empty body is {@code {}}. */
  public static ObjectNode body(AwsRequest request) {
    if (request.body().length == 0) {
      return MAPPER.createObjectNode();
    }
    try {
      JsonNode node = MAPPER.readTree(request.body());
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (java.io.IOException e) {
      // answered below
    }
    throw new AwsServiceException(
        "SerializationException", 400, "Unable to parse the request body");
  }

  public AwsResponse ok(JsonNode body) {
    try {
      return new AwsResponse(200, Map.of(), contentType, MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public AwsResponse error(AwsServiceException error) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("__type", error.code());
    body.put("message", error.getMessage());
    error.extraFields().forEach(body::put);
    return new AwsResponse(
            error.status(), Map.of(), contentType, body.toString().getBytes(StandardCharsets.UTF_8))
        .withHeader("x-amzn-ErrorType", error.code());
  }
}
