package io.powertune.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The JSON types of a JSON-protocol request's members, checked as AWS's deserializer checks them
 * before an operation runs: a member of the wrong type is a {@code SerializationException}.
 *
 * @param strings members that are strings
 * @param numbers members that are whole numbers
 * @param booleans members that are true or false
 * @param arrays members that are lists
 */
public record JsonMembers(
    Set<String> strings, Set<String> numbers, Set<String> booleans, Set<String> arrays) {

  /**
   * @throws AwsServiceException SerializationException naming the first member of the wrong type
   */
  public void check(JsonNode body) {
    body.properties()
        .forEach(
            field -> {
              String name = field.getKey();
              JsonNode value = field.getValue();
              boolean right =
                  value.isNull()
                      || (strings.contains(name)
                          ? value.isTextual()
                          : numbers.contains(name)
                              ? value.isIntegralNumber()
                              : booleans.contains(name)
                                  ? value.isBoolean()
                                  : !arrays.contains(name) || value.isArray());
              if (!right) {
                throw new AwsServiceException(
                    "SerializationException",
                    400,
                    "Member '" + name + "' has the wrong type: " + value.getNodeType());
              }
            });
  }
}
