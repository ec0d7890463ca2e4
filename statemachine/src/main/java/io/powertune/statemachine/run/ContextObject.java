package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The context object ({@code $$}) a state sees. */
final class ContextObject {

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
    execution.put("StartTime", info.startTime().toString());
    execution.put("RedriveCount", 0);
    ObjectNode stateNode = context.putObject("State");
    stateNode.put("EnteredTime", entered.toString());
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
