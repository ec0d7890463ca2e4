package io.powertune.statemachine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The conformance corpus (test resources conformance/*.json, written by
 * statemachine/conformance/generate.py): each case has a definition, an input and the outcome Step
 * Functions documents for it. Read from the classpath, so the platform's suite can use the same
 * cases from this module's test jar.
 */
public final class Corpus {

  /** The corpus's functions: name -> Python handler in conformance-functions/app.py. */
  public static final Map<String, String> FUNCTIONS =
      Map.of(
          "corpus-identity", "app.identity",
          "corpus-add", "app.add",
          "corpus-raise", "app.raise_error",
          "corpus-flaky", "app.flaky",
          "corpus-sleep", "app.sleep");

  private static final ObjectMapper JSON = new ObjectMapper();

  private Corpus() {}

  /** The cases' file names, in order. */
  public static List<String> cases() throws IOException {
    return text("/conformance/index.txt").lines().filter(line -> !line.isBlank()).toList();
  }

  /** One case. */
  public static JsonNode read(String name) throws IOException {
    try (InputStream in = stream("/conformance/" + name)) {
      return JSON.readTree(in);
    }
  }

  /** The Python source of the corpus's functions. */
  public static String functionsSource() throws IOException {
    return text("/conformance-functions/app.py");
  }

  private static String text(String resource) throws IOException {
    try (InputStream in = stream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InputStream stream(String resource) throws IOException {
    InputStream in = Corpus.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("no resource " + resource);
    }
    return in;
  }
}
