package io.powertune.analyzer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The Analyzer's output, which is also a tuning execution's output, in the original's shape.
 *
 * @param power the chosen memory size in MB
 * @param cost the chosen size's average price
 * @param duration the chosen size's average duration in ms
 * @param stateMachine what the tuning cost and the link to the viewer
 * @param stats every entry, in input order, when {@code includeOutputResults} was set; else null
 */
@JsonPropertyOrder({"power", "cost", "duration", "stateMachine", "stats"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Analysis(
    int power, double cost, double duration, StateMachine stateMachine, List<Entry> stats) {

  /**
   * The tuning's own cost.
   *
   * @param executionCost the Step Functions estimate
   * @param lambdaCost what every invocation of the tuned function cost
   * @param visualization the link to the public viewer
   */
  @JsonPropertyOrder({"executionCost", "lambdaCost", "visualization"})
  public record StateMachine(double executionCost, double lambdaCost, String visualization) {}

  /**
   * One entry of {@code stats}.
   *
   * @param value the memory size in MB
   * @param averagePrice its average price
   * @param averageDuration its average duration in ms
   */
  @JsonPropertyOrder({"value", "averagePrice", "averageDuration"})
  public record Entry(int value, double averagePrice, double averageDuration) {}
}
