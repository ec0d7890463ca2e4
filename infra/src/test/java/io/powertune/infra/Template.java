package io.powertune.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * infra/template.yaml as data. CloudFormation's short forms ({@code !Ref X}, {@code !GetAtt X.Arn})
 * read as their argument: what the checks need is which resource each names.
 */
final class Template {

  static final Path FILE = Path.of("template.yaml");

  private final JsonNode root;

  private Template(JsonNode root) {
    this.root = root;
  }

  static Template load() {
    try {
      return new Template(new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode resources() {
    return root.path("Resources");
  }

  JsonNode globals() {
    return root.path("Globals").path("Function");
  }

  JsonNode parameter(String name) {
    return root.path("Parameters").path(name);
  }

  /** The resources of a type, by logical id. */
  Map<String, JsonNode> ofType(String type) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    resources()
        .properties()
        .forEach(
            e -> {
              if (e.getValue().path("Type").asText().equals(type)) {
                found.put(e.getKey(), e.getValue());
              }
            });
    return found;
  }

  /** The role resource a function's {@code Role: !GetAtt XRole.Arn} names. */
  JsonNode roleOf(JsonNode function) {
    String getAtt = function.path("Properties").path("Role").asText();
    return resources().path(getAtt.substring(0, getAtt.indexOf('.')));
  }

  /** Every action with {@code prefix} that a role's inline policies allow. */
  static Set<String> actions(JsonNode role, String prefix) {
    Set<String> actions = new HashSet<>();
    for (JsonNode policy : role.path("Properties").path("Policies")) {
      for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
        JsonNode action = statement.path("Action");
        (action.isArray() ? action : new ObjectMapper().createArrayNode().add(action))
            .forEach(
                a -> {
                  if (a.asText().startsWith(prefix)) {
                    actions.add(a.asText());
                  }
                });
      }
    }
    return actions;
  }
}
