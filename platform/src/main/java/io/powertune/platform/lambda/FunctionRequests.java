package io.powertune.platform.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.platform.lambda.errors.InvalidParameterValueException;
import io.powertune.platform.lambda.errors.Validation;
import io.powertune.platform.lambda.model.FunctionConfig;
import io.powertune.platform.lambda.model.FunctionState;
import io.powertune.platform.lambda.model.UpdateStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and validates the settings of CreateFunction and UpdateFunctionConfiguration. */
final class FunctionRequests {

  static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");
  private static final Pattern ROLE =
      Pattern.compile("arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
  private static final int MAX_MEMORY = 10_240;
  private static final int MAX_TIMEOUT = 900;

  private FunctionRequests() {}

  /** The $LATEST configuration of a new function (code fields are filled in by the caller). */
  static FunctionConfig create(String name, JsonNode body, String lastModified, String revision) {
    FunctionConfig defaults =
        new FunctionConfig(
            text(body, "Runtime", null),
            text(body, "Handler", null),
            required(body, "Role"),
            "",
            3,
            128,
            Map.of(),
            "x86_64",
            512,
            "Text",
            "/aws/lambda/" + name,
            "",
            0,
            lastModified,
            revision,
            FunctionState.Pending,
            "The function is being created.",
            "Creating",
            UpdateStatus.Successful);
    if (defaults.runtime() == null) {
      throw new InvalidParameterValueException(
          "Runtime is required for a .zip deployment package; use one of "
              + String.join(", ", Runtimes.SUPPORTED));
    }
    return apply(defaults, body);
  }

  /** The configuration after applying the fields present in {@code body}. */
  static FunctionConfig apply(FunctionConfig current, JsonNode body) {
    String runtime = text(body, "Runtime", current.runtime());
    if (!Runtimes.SUPPORTED.contains(runtime)) {
      throw new InvalidParameterValueException(
          "Value "
              + runtime
              + " at 'runtime' failed to satisfy constraint: Member must satisfy"
              + " enum value set: "
              + Runtimes.SUPPORTED);
    }
    String handler = text(body, "Handler", current.handler());
    if (handler == null && !Runtimes.isCustom(runtime)) {
      throw new InvalidParameterValueException("Handler is required for runtime " + runtime);
    }
    String role = text(body, "Role", current.role());
    if (!ROLE.matcher(role).matches()) {
      throw Validation.pattern("role", role, ROLE.pattern());
    }
    int memory = integer(body, "MemorySize", current.memorySize(), 128);
    if (memory > MAX_MEMORY) {
      throw new InvalidParameterValueException(
          "'MemorySize' value failed to satisfy constraint: Member must have value less than or"
              + " equal to "
              + MAX_MEMORY);
    }
    int timeout = integer(body, "Timeout", current.timeout(), 1);
    if (timeout > MAX_TIMEOUT) {
      throw new InvalidParameterValueException(
          "'Timeout' value failed to satisfy constraint: Member must have value less than or equal"
              + " to "
              + MAX_TIMEOUT);
    }
    int ephemeral = integer(body.path("EphemeralStorage"), "Size", current.ephemeralStorage(), 512);
    if (ephemeral > MAX_MEMORY) {
      throw new InvalidParameterValueException(
          "'EphemeralStorage.Size' must be between 512 and 10240 MB");
    }
    FunctionConfig.Builder b = current.toBuilder();
    b.runtime = runtime;
    b.handler = handler == null ? "" : handler;
    b.role = role;
    b.description = text(body, "Description", current.description());
    b.timeout = timeout;
    b.memorySize = memory;
    b.environment = environment(body, current.environment());
    b.architecture = architecture(body, current.architecture());
    b.ephemeralStorage = ephemeral;
    b.logFormat = logFormat(body, current.logFormat());
    b.logGroup = text(body.path("LoggingConfig"), "LogGroup", current.logGroup());
    return b.build();
  }

  private static Map<String, String> environment(JsonNode body, Map<String, String> current) {
    JsonNode variables = body.path("Environment");
    if (variables.isMissingNode()) {
      return current;
    }
    Map<String, String> result = new HashMap<>();
    variables
        .path("Variables")
        .properties()
        .forEach(e -> result.put(e.getKey(), e.getValue().asText()));
    for (String name : result.keySet()) {
      if (!name.matches("[a-zA-Z]([a-zA-Z0-9_])*")) {
        throw new InvalidParameterValueException(
            "Environment variable name " + name + " is not valid: use letters, digits and _");
      }
      if (name.startsWith("AWS_LAMBDA_") || name.equals("_HANDLER") || name.equals("AWS_REGION")) {
        throw new InvalidParameterValueException(
            "Lambda was unable to configure your environment variables because the environment"
                + " variables you have provided contains reserved keys that are currently not"
                + " supported for modification. Reserved keys used in this request: "
                + name);
      }
    }
    return result;
  }

  private static String architecture(JsonNode body, String current) {
    JsonNode architectures = body.path("Architectures");
    if (architectures.isMissingNode()) {
      return current;
    }
    String value = architectures.path(0).asText("");
    if (architectures.size() != 1 || !(value.equals("x86_64") || value.equals("arm64"))) {
      throw Validation.enumValue("architectures", architectures, "x86_64, arm64");
    }
    return value;
  }

  private static String logFormat(JsonNode body, String current) {
    String format = text(body.path("LoggingConfig"), "LogFormat", current);
    if (!format.equals("Text") && !format.equals("JSON")) {
      throw Validation.enumValue("loggingConfig.logFormat", format, "JSON, Text");
    }
    return format;
  }

  private static String required(JsonNode body, String field) {
    String value = text(body, field, null);
    if (value == null) {
      throw Validation.missing(Character.toLowerCase(field.charAt(0)) + field.substring(1));
    }
    return value;
  }

  private static String text(JsonNode body, String field, String fallback) {
    JsonNode value = body.path(field);
    return value.isTextual() ? value.asText() : fallback;
  }

  private static int integer(JsonNode body, String field, int fallback, int min) {
    JsonNode value = body.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.canConvertToInt() || value.asInt() < min) {
      throw Validation.atLeast(
          Character.toLowerCase(field.charAt(0)) + field.substring(1), value.asText(), min);
    }
    return value.asInt();
  }
}
