package io.powertune.statemachine.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.powertune.statemachine.StatesError;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSONPath reads against a state's input ({@code $...}) or the context object ({@code $$...}),
 * evaluated by Jayway JsonPath over Jackson trees. Compiled paths are cached.
 */
public final class Paths {

  private static final Configuration CONFIG =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .build();
  private static final Map<String, JsonPath> COMPILED = new ConcurrentHashMap<>();

  private Paths() {}

  /** True for a path the States language accepts here: {@code $} or {@code $$} and what follows. */
  public static boolean isPath(String text) {
    return text != null && text.startsWith("$");
  }

  /** True when the path reads the context object. */
  public static boolean isContextPath(String path) {
    return path.startsWith("$$");
  }

  /** Checks a path's syntax; throws {@link IllegalArgumentException} with the reason. */
  public static void validate(String path) {
    try {
      compile(isContextPath(path) ? path.substring(1) : path);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * The value at {@code path}: in {@code context} for a {@code $$} path, else in {@code input}.
   *
   * @param errorName the error raised when nothing is there (States.Runtime for InputPath and
   *     OutputPath, States.ParameterPathFailure in Parameters)
   */
  public static JsonNode read(String path, JsonNode input, JsonNode context, String errorName) {
    boolean inContext = isContextPath(path);
    String jsonPath = inContext ? path.substring(1) : path;
    JsonNode root = inContext ? context : input;
    if (jsonPath.equals("$")) {
      return root;
    }
    try {
      Object value = compile(jsonPath).read(root, CONFIG);
      return value instanceof JsonNode node ? node : toNode(value);
    } catch (PathNotFoundException | IllegalArgumentException e) {
      throw new StatesError(
          errorName,
          "The JSONPath '"
              + path
              + "' could not be found in the "
              + (inContext ? "context object" : "input")
              + " '"
              + root
              + "'");
    } catch (InvalidPathException e) {
      throw new StatesError(errorName, "Invalid path '" + path + "': " + e.getMessage());
    }
  }

  private static JsonPath compile(String path) {
    return COMPILED.computeIfAbsent(path, JsonPath::compile);
  }

  private static JsonNode toNode(Object value) {
    if (value == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    return CONFIG.mappingProvider().map(value, JsonNode.class, CONFIG);
  }
}
