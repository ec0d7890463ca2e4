package io.powertune.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.SdkBytes;

/** Reads JSON payloads in tests. */
public final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static JsonNode read(SdkBytes bytes) {
    return read(bytes.asUtf8String());
  }

  public static JsonNode read(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
