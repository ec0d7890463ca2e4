package io.powertune.platform.sfn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.platform.http.AwsRequest;
import io.powertune.platform.http.AwsResponse;
import io.powertune.platform.http.AwsService;
import io.powertune.platform.http.AwsServiceException;
import io.powertune.platform.http.JsonProtocol;
import io.powertune.platform.lambda.invoke.Invoker;
import io.powertune.platform.store.Database;
import io.powertune.statemachine.definition.DefinitionParser;
import io.powertune.statemachine.definition.InvalidDefinitionException;
import io.powertune.statemachine.run.ExecutionInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The Step Functions API (awsJson 1.0, {@code X-Amz-Target: AWSStepFunctions.<Op>}): state
 * machines, and executions run by the ASL interpreter, durable in the platform's database.
 */
public final class StepFunctionsService implements AwsService, AutoCloseable {

  private static final String TARGET_PREFIX = "AWSStepFunctions.";
  private static final int MAX_INPUT_BYTES = 262_144;

  private final JsonProtocol protocol = new JsonProtocol("1.0");
  private final SfnStore store;
  private final ExecutionJournal journal;
  private final ExecutionRunner runner;
  private final Clock clock;

  public StepFunctionsService(Database db, Invoker invoker, Clock clock) {
    this.store = new SfnStore(db);
    this.journal = new ExecutionJournal(store);
    this.runner = new ExecutionRunner(store, journal, invoker, clock);
    this.clock = clock;
  }

  /** Resumes the executions that were running when the platform last stopped. */
  public void resumeExecutions() {
    runner.resumeAll(this::info);
  }

  @Override
  public String signingName() {
    return "states";
  }

  @Override
  public boolean accepts(String path, String target) {
    return target != null && target.startsWith(TARGET_PREFIX);
  }

  /** Step Functions takes requests of at most 1 MiB, headers and body together. */
  @Override
  public int maxRequestBytes() {
    return 1_048_576;
  }

  @Override
  public AwsResponse error(AwsServiceException error, String requestId) {
    return protocol.error(error);
  }

  @Override
  public AwsResponse handle(AwsRequest request) {
    ObjectNode body = JsonProtocol.body(request);
    String operation = JsonProtocol.operation(request);
    SfnWire.checkTypes(body);
    JsonNode result =
        switch (operation) {
          case "CreateStateMachine" -> StateMachineOperations.create(store, request, body, clock);
          case "DescribeStateMachine" -> StateMachineOperations.describe(store, body);
          case "UpdateStateMachine" -> StateMachineOperations.update(store, body, clock);
          case "DeleteStateMachine" -> StateMachineOperations.delete(store, body);
          case "ListStateMachines" -> StateMachineOperations.list(store, request, body);
          case "StartExecution" -> startExecution(body);
          case "DescribeExecution" -> describeExecution(body);
          case "StopExecution" -> stopExecution(body);
          case "ListExecutions" -> listExecutions(body);
          case "GetExecutionHistory" -> history(body);
          default -> throw SfnErrors.unknownOperation(operation);
        };
    return protocol.ok(result);
  }

  private JsonNode startExecution(ObjectNode body) {
    String smArn = SfnArns.checkStateMachine(body.path("stateMachineArn").asText(null));
    StateMachineRecord sm =
        store.stateMachine(smArn).orElseThrow(() -> SfnErrors.stateMachineNotFound(smArn));
    String name =
        body.hasNonNull("name")
            ? SfnArns.checkName(body.get("name").asText())
            : UUID.randomUUID().toString();
    String input = body.hasNonNull("input") ? body.get("input").asText() : "{}";
    if (input.getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
      throw SfnErrors.invalidInput("Input is larger than 262144 bytes");
    }
    JsonNode parsed;
    try {
      parsed = JsonProtocol.MAPPER.readTree(input);
    } catch (JsonProcessingException e) {
      throw SfnErrors.invalidInput(e.getOriginalMessage());
    }
    if (parsed == null) {
      throw SfnErrors.invalidInput("Input is not JSON");
    }
    String arn = SfnArns.execution(smArn, name);
    ExecutionRecord existing = store.execution(arn).orElse(null);
    if (existing != null) {
      if (existing.status().equals("RUNNING") && SfnWire.parse(existing.input()).equals(parsed)) {
        return SfnWire.object()
            .put("executionArn", arn)
            .put("startDate", SfnWire.seconds(existing.started()));
      }
      throw SfnErrors.executionExists(arn);
    }
    Instant now = clock.instant();
    ExecutionRecord record =
        new ExecutionRecord(
            arn,
            smArn,
            name,
            "RUNNING",
            parsed.toString(),
            null,
            null,
            null,
            now,
            null,
            sm.definition(),
            null,
            null,
            0);
    store.insert(record);
    runner.start(record, info(record), SfnArns.account(smArn));
    return SfnWire.object().put("executionArn", arn).put("startDate", SfnWire.seconds(now));
  }

  /** What the interpreter's context object says of a stored execution. */
  private ExecutionInfo info(ExecutionRecord e) {
    StateMachineRecord sm = store.stateMachine(e.stateMachineArn()).orElse(null);
    String[] parts = e.stateMachineArn().split(":");
    return new ExecutionInfo(
        e.arn(),
        e.name(),
        e.stateMachineArn(),
        parts[6],
        sm == null ? "" : sm.roleArn(),
        e.started(),
        SfnWire.parse(e.input()),
        parts[3]);
  }

  private ExecutionRecord existing(ObjectNode body) {
    String arn = SfnArns.checkExecution(body.path("executionArn").asText(null));
    journal.flush();
    return store.execution(arn).orElseThrow(() -> SfnErrors.executionNotFound(arn));
  }

  private JsonNode describeExecution(ObjectNode body) {
    ExecutionRecord e = existing(body);
    ObjectNode out =
        SfnWire.object()
            .put("executionArn", e.arn())
            .put("stateMachineArn", e.stateMachineArn())
            .put("name", e.name())
            .put("status", e.status())
            .put("startDate", SfnWire.seconds(e.started()))
            .put("input", e.input());
    out.putObject("inputDetails").put("included", true);
    if (e.stopped() != null) {
      out.put("stopDate", SfnWire.seconds(e.stopped()));
    }
    if (e.output() != null) {
      out.put("output", e.output());
      out.putObject("outputDetails").put("included", true);
    }
    if (e.error() != null) {
      out.put("error", e.error());
    }
    if (e.cause() != null) {
      out.put("cause", e.cause());
    }
    out.put("redriveCount", 0);
    return out;
  }

  private JsonNode stopExecution(ObjectNode body) {
    ExecutionRecord e = existing(body);
    if (e.status().equals("RUNNING")) {
      if (!runner.stop(e.arn(), text(body, "error"), text(body, "cause"))) {
        runner.abortStored(e.arn(), text(body, "error"), text(body, "cause"));
      }
      journal.flush();
      e = store.execution(e.arn()).orElseThrow();
    }
    return SfnWire.object()
        .put("stopDate", SfnWire.seconds(e.stopped() == null ? clock.instant() : e.stopped()));
  }

  private JsonNode listExecutions(ObjectNode body) {
    String smArn = SfnArns.checkStateMachine(body.path("stateMachineArn").asText(null));
    store.stateMachine(smArn).orElseThrow(() -> SfnErrors.stateMachineNotFound(smArn));
    journal.flush();
    String filter = text(body, "statusFilter");
    if (filter != null
        && !java.util.Set.of(
                "RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE")
            .contains(filter)) {
      throw SfnErrors.validation(
          "1 validation error detected: Value '"
              + filter
              + "' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value"
              + " set: [RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE]");
    }
    List<ExecutionRecord> all =
        store.executionsOf(smArn).stream()
            .filter(e -> filter == null || e.status().equals(filter))
            .toList();
    ObjectNode out = SfnWire.object();
    SfnWire.page(
        out,
        "executions",
        all,
        SfnWire.offset(body),
        SfnWire.pageSize(body, 100),
        e -> {
          ObjectNode item =
              SfnWire.object()
                  .put("executionArn", e.arn())
                  .put("stateMachineArn", e.stateMachineArn())
                  .put("name", e.name())
                  .put("status", e.status())
                  .put("startDate", SfnWire.seconds(e.started()));
          if (e.stopped() != null) {
            item.put("stopDate", SfnWire.seconds(e.stopped()));
          }
          return item;
        });
    return out;
  }

  private JsonNode history(ObjectNode body) {
    ExecutionRecord e = existing(body);
    List<SfnStore.StoredEvent> events = new ArrayList<>(store.events(e.arn()));
    if (body.path("reverseOrder").asBoolean(false)) {
      Collections.reverse(events);
    }
    boolean data = body.path("includeExecutionData").asBoolean(true);
    ObjectNode out = SfnWire.object();
    SfnWire.page(
        out,
        "events",
        events,
        SfnWire.offset(body),
        SfnWire.pageSize(body, 100),
        event -> HistoryShapes.event(event, data));
    return out;
  }

  private static String text(JsonNode body, String field) {
    return body.hasNonNull(field) ? body.get(field).asText() : null;
  }

  /** Checks a definition as CreateStateMachine and UpdateStateMachine do. */
  static void validate(String definition) {
    try {
      DefinitionParser.parse(definition);
    } catch (InvalidDefinitionException e) {
      throw SfnErrors.invalidDefinition(e.problems());
    }
  }

  @Override
  public void close() {
    runner.close();
    journal.close();
  }
}
