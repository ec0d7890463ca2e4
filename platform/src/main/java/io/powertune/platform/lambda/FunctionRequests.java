package io.powertune.platform.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.platform.lambda.errors.InvalidParameterValueException;
import io.powertune.platform.lambda.errors.InvalidRequestContentException;
import io.powertune.platform.lambda.errors.Validation;
import io.powertune.platform.lambda.model.FunctionConfig;
import io.powertune.platform.lambda.model.FunctionState;
import io.powertune.platform.lambda.model.UpdateStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and validates the settings of CreateFunction and UpdateFunctionConfiguration. */
final class FunctionRequests {

  /** Lambda's handler pattern: up to 128 characters, no white space. */
  static final java.util.regex.Pattern HANDLER = java.util.regex.Pattern.compile("[^\\s]{1,128}");

  static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");
  private static final Pattern ROLE =
      Pattern.compile("arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
  private static final int MAX_MEMORY = 10_240;
  private static final int MAX_TIMEOUT = 900;

  private FunctionRequests() {}

  /** The $LATEST configuration of a new function (code fields are filled in by the caller). */
  static FunctionConfig create(String name, JsonNode body, String lastModified, String revision) {
    checkStructures(body);
    String packageType = text(body, "PackageType", "Zip");
    if (packageType.equals("Image")) {
      throw new InvalidParameterValueException(
          "PackageType Image is not supported by this platform: give the code as Code.ZipFile");
    }
    if (!packageType.equals("Zip")) {
      throw Validation.enumValue("packageType", packageType, "Zip, Image");
    }
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
    checkStructures(body);
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
    if (handler != null && !HANDLER.matcher(handler).matches()) {
      throw Validation.pattern("handler", handler, HANDLER.pattern());
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
    if (b.description != null && b.description.length() > 256) {
      throw Validation.atMost("description", b.description, 256);
    }
    b.timeout = timeout;
    b.memorySize = memory;
    b.environment = environment(body, current.environment());
    b.architecture = architecture(body, current.architecture());
    b.ephemeralStorage = ephemeral;
    b.logFormat = logFormat(body, current.logFormat());
    b.logGroup = text(body.path("LoggingConfig"), "LogGroup", current.logGroup());
    return b.build();
  }

  /** The members that are structures in Lambda's model: a JSON object each, when given. */
  private static final java.util.List<String> STRUCTURES =
      java.util.List.of(
          "Code",
          "Environment",
          "EphemeralStorage",
          "LoggingConfig",
          "TracingConfig",
          "VpcConfig",
          "DeadLetterConfig",
          "SnapStart",
          "ImageConfig");

  private static final java.util.regex.Pattern ARN =
      java.util.regex.Pattern.compile("arn:(aws[a-zA-Z-]*)?:[a-z0-9-]+:[a-z0-9-]*:\\d{0,12}:.+");

  /**
   * Checks the members' shapes, and the members the platform does not act on (tracing, layers,
   * dead-letter queues, keys, tags, SnapStart) as AWS checks them, so a request AWS refuses is
   * refused here too.
   */
  private static void checkStructures(JsonNode body) {
    for (String member : STRUCTURES) {
      JsonNode value = body.path(member);
      if (!value.isMissingNode() && !value.isNull() && !value.isObject()) {
        throw new InvalidRequestContentException(
            "Could not parse request body into json: " + member + " must be an object");
      }
    }
    enumMember(
        body.path("TracingConfig").path("Mode"), "tracingConfig.mode", "Active, PassThrough");
    enumMember(
        body.path("SnapStart").path("ApplyOn"), "snapStart.applyOn", "PublishedVersions, None");
    JsonNode publish = body.path("Publish");
    if (!publish.isMissingNode() && !publish.isBoolean()) {
      throw new InvalidRequestContentException(
          "Could not parse request body into json: Publish must be true or false");
    }
    JsonNode layers = body.path("Layers");
    if (!layers.isMissingNode() && !layers.isArray()) {
      throw new InvalidRequestContentException(
          "Could not parse request body into json: Layers must be a list of layer version ARNs");
    }
    for (JsonNode layer : layers) {
      if (!ARN.matcher(layer.asText()).matches()) {
        throw Validation.pattern("layers", layer.asText(), ARN.pattern());
      }
    }
    arnMember(body.path("KMSKeyArn"), "kMSKeyArn");
    arnMember(body.path("DeadLetterConfig").path("TargetArn"), "deadLetterConfig.targetArn");
    JsonNode tags = body.path("Tags");
    if (!tags.isMissingNode()
        && (!tags.isObject()
            || tags.properties().stream().anyMatch(t -> !t.getValue().isTextual()))) {
      throw new InvalidRequestContentException(
          "Could not parse request body into json: Tags must be an object of string values");
    }
  }

  private static void arnMember(JsonNode value, String member) {
    if (value.isTextual() && !value.asText().isEmpty() && !ARN.matcher(value.asText()).matches()) {
      throw Validation.pattern(member, value.asText(), ARN.pattern());
    }
  }

  private static void enumMember(JsonNode value, String member, String values) {
    if (!value.isMissingNode()
        && !value.isNull()
        && !java.util.List.of(values.split(", ")).contains(value.asText())) {
      throw Validation.enumValue(member, value.asText(), values);
    }
  }

  private static Map<String, String> environment(JsonNode body, Map<String, String> current) {
    JsonNode variables = body.path("Environment");
    if (variables.isMissingNode()) {
      return current;
    }
    JsonNode given = variables.path("Variables");
    if (!variables.isObject() || !(given.isMissingNode() || given.isObject())) {
      throw new InvalidRequestContentException(
          "Could not parse request body into json: Environment must be an object whose Variables"
              + " is an object of names to string values");
    }
    Map<String, String> result = new HashMap<>();
    given.properties().forEach(e -> result.put(e.getKey(), e.getValue().asText()));
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
