package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The context object ({@code $$}) a state sees. */
final class ContextObject {

  /** Times as Step Functions writes them: ISO 8601 in UTC with milliseconds. */
  private static final java.time.format.DateTimeFormatter MILLIS =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  private ContextObject() {}

  /** An item of a Map iteration, or null outside one. */
  record MapItem(int index, JsonNode value) {}

  static ObjectNode of(
      ExecutionInfo info, String state, Instant entered, int retryCount, MapItem item) {
    ObjectNode context = JsonNodeFactory.instance.objectNode();
    ObjectNode execution = context.putObject("Execution");
    execution.put("Id", info.executionArn());
    execution.set("Input", info.input());
    execution.put("Name", info.name());
    execution.put("RoleArn", info.roleArn());
    execution.put("StartTime", MILLIS.format(info.startTime()));
    execution.put("RedriveCount", 0);
    ObjectNode stateNode = context.putObject("State");
    stateNode.put("EnteredTime", MILLIS.format(entered));
    stateNode.put("Name", state);
    stateNode.put("RetryCount", retryCount);
    ObjectNode machine = context.putObject("StateMachine");
    machine.put("Id", info.stateMachineArn());
    machine.put("Name", info.stateMachineName());
    if (item != null) {
      ObjectNode itemNode = context.putObject("Map").putObject("Item");
      itemNode.put("Index", item.index());
      itemNode.set("Value", item.value());
    }
    return context;
  }
}
