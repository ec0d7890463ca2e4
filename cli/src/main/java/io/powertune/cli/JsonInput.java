package io.powertune.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.analyzer.model.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the JSON or text files users name on the command line; errors name the flag. */
final class JsonInput {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonInput() {}

  /** Reads a file, or stdin when {@code path} is {@code -}. */
  static String text(String path, String flag, InputStream stdin) {
    try {
      byte[] bytes = path.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(path));
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(flag, "no such file: " + path);
    } catch (IOException e) {
      throw new InvalidInputException(flag, "cannot read " + path + ": " + e.getMessage());
    }
  }

  /** Parses JSON text; a syntax error names the flag, line and column. */
  static JsonNode parse(String json, String flag) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new InvalidInputException(flag, "the input is empty; expected a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new InvalidInputException(
          flag, "not valid JSON" + where + " (" + e.getOriginalMessage() + ")");
    }
  }
}
