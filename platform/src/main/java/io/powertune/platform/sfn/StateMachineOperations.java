package io.powertune.platform.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.platform.http.AwsRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** CreateStateMachine, DescribeStateMachine, UpdateStateMachine, DeleteStateMachine, List. */
final class StateMachineOperations {

  private StateMachineOperations() {}

  private static final java.util.regex.Pattern ROLE =
      java.util.regex.Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");

  /** The role a state machine is given: an IAM role ARN. */
  static String checkRole(String role) {
    if (!ROLE.matcher(role).matches()) {
      throw SfnErrors.invalidArn(role);
    }
    return role;
  }

  static JsonNode create(SfnStore store, AwsRequest request, JsonNode body, Clock clock) {
    String name = SfnArns.checkName(required(body, "name"));
    String definition = required(body, "definition");
    String role = checkRole(required(body, "roleArn"));
    String type = body.hasNonNull("type") ? body.get("type").asText() : "STANDARD";
    if (!type.equals("STANDARD") && !type.equals("EXPRESS")) {
      throw SfnErrors.validation(
          "1 validation error detected: Value '"
              + type
              + "' at 'type' failed to satisfy constraint: Member must satisfy enum value set:"
              + " [STANDARD, EXPRESS]");
    }
    StepFunctionsService.validate(definition);
    String arn = SfnArns.stateMachine(request.region(), request.account(), name);
    StateMachineRecord record =
        new StateMachineRecord(
            arn, name, definition, role, type, clock.instant(), UUID.randomUUID().toString());
    if (!store.create(record, request.account(), request.region())) {
      StateMachineRecord existing = store.stateMachine(arn).orElseThrow();
      boolean same =
          existing.definition().equals(definition)
              && existing.roleArn().equals(role)
              && existing.type().equals(type);
      if (!same) {
        throw SfnErrors.stateMachineExists(arn);
      }
      record = existing;
    }
    return SfnWire.object()
        .put("stateMachineArn", arn)
        .put("creationDate", SfnWire.seconds(record.created()));
  }

  static JsonNode describe(SfnStore store, JsonNode body) {
    StateMachineRecord sm = existing(store, body);
    ObjectNode out =
        SfnWire.object()
            .put("stateMachineArn", sm.arn())
            .put("name", sm.name())
            .put("status", "ACTIVE")
            .put("definition", sm.definition())
            .put("roleArn", sm.roleArn())
            .put("type", sm.type())
            .put("creationDate", SfnWire.seconds(sm.created()))
            .put("revisionId", sm.revisionId());
    out.putObject("loggingConfiguration").put("level", "OFF").put("includeExecutionData", false);
    out.putObject("tracingConfiguration").put("enabled", false);
    return out;
  }

  static JsonNode update(SfnStore store, JsonNode body, Clock clock) {
    StateMachineRecord sm = existing(store, body);
    String definition =
        body.hasNonNull("definition") ? body.get("definition").asText() : sm.definition();
    String role =
        body.hasNonNull("roleArn") ? checkRole(body.get("roleArn").asText()) : sm.roleArn();
    if (!body.hasNonNull("definition") && !body.hasNonNull("roleArn")) {
      throw SfnErrors.missing("at least one of definition, roleArn");
    }
    StepFunctionsService.validate(definition);
    String revision = UUID.randomUUID().toString();
    store.update(
        new StateMachineRecord(
            sm.arn(), sm.name(), definition, role, sm.type(), sm.created(), revision));
    Instant now = clock.instant();
    return SfnWire.object().put("updateDate", SfnWire.seconds(now)).put("revisionId", revision);
  }

  static JsonNode delete(SfnStore store, JsonNode body) {
    String arn = SfnArns.checkStateMachine(body.path("stateMachineArn").asText(null));
    store.delete(arn);
    return SfnWire.object();
  }

  static JsonNode list(SfnStore store, AwsRequest request, JsonNode body) {
    ObjectNode out = SfnWire.object();
    SfnWire.page(
        out,
        "stateMachines",
        store.stateMachines(request.account(), request.region()),
        SfnWire.offset(body),
        SfnWire.pageSize(body, 100),
        sm ->
            SfnWire.object()
                .put("stateMachineArn", sm.arn())
                .put("name", sm.name())
                .put("type", sm.type())
                .put("creationDate", SfnWire.seconds(sm.created())));
    return out;
  }

  private static StateMachineRecord existing(SfnStore store, JsonNode body) {
    String arn = SfnArns.checkStateMachine(body.path("stateMachineArn").asText(null));
    return store.stateMachine(arn).orElseThrow(() -> SfnErrors.stateMachineNotFound(arn));
  }

  private static String required(JsonNode body, String field) {
    if (!body.hasNonNull(field) || body.get(field).asText().isEmpty()) {
      throw SfnErrors.missing(field);
    }
    return body.get(field).asText();
  }
}
