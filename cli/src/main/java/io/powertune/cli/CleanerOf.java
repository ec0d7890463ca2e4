package io.powertune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.tuner.TunerFunctions;
import io.powertune.tuner.TunerJson;
import java.io.IOException;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The Cleaner a tuner's state machine calls: the function a stopped run is cleaned up with. */
final class CleanerOf {

  private CleanerOf() {}

  /**
   * The Cleaner state's Resource (a function or alias ARN); the installed name when the definition
   * does not say (a state machine that is not powertune's shape).
   */
  static String stateMachine(SfnClient sfn, String stateMachineArn) {
    String definition =
        sfn.describeStateMachine(r -> r.stateMachineArn(stateMachineArn)).definition();
    return definition(definition);
  }

  static String definition(String definition) {
    try {
      JsonNode resource = TunerJson.MAPPER.readTree(definition).at("/States/Cleaner/Resource");
      if (resource.isTextual() && resource.asText().startsWith("arn:")) {
        return resource.asText();
      }
    } catch (IOException e) {
      // not JSON we can read
    }
    return TunerFunctions.cleaner().name();
  }
}
