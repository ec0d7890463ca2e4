package io.powertune.tuner.steps;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The state's {@code lambdaConfigurations}: what the Initializer plans and the Publisher works
 * through, in the original's shape, plus what cleanup needs to leave the function as it was.
 *
 * @param initConfigurations the versions to publish, in order; dropped once all are published
 * @param iterator where the Publisher stands
 * @param powerValues the sizes to measure, the Map's items
 * @param runId this run's id, named in the description of every version it publishes
 * @param original the function as it was before the run
 * @param concurrentSizes how many sizes the Map measures at once (0: all), its MaxConcurrencyPath
 * @param adaptive true when the sizes are raced in rounds ({@code "sampling": "adaptive"}): the
 *     workflow's choice between the race and the one Map; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Configurations(
    List<Configuration> initConfigurations,
    Iterator iterator,
    List<Integer> powerValues,
    String runId,
    Original original,
    int concurrentSizes,
    Boolean adaptive) {

  /**
   * One version to publish.
   *
   * @param powerValue its memory size
   * @param alias the alias that points at it
   * @param description its description (the run's marker)
   */
  public record Configuration(int powerValue, String alias, String description) {}

  /**
   * The Publisher's position.
   *
   * @param index the next configuration to publish
   * @param count how many there are
   * @param more whether the Publisher runs again ({@code continue} in JSON)
   */
  public record Iterator(int index, int count, @JsonProperty("continue") boolean more) {}

  /**
   * The function before the run.
   *
   * @param memorySize $LATEST's memory size, restored at the end
   * @param description $LATEST's description, restored at the end
   * @param currentMemorySize the memory size of what the input named (an alias's or version's own
   *     when qualified), the baseline the recommendation is compared with
   */
  public record Original(int memorySize, String description, int currentMemorySize) {}

  /** The same plan with the Publisher one step further; the list goes once all are published. */
  Configurations advanced() {
    int next = iterator.index() + 1;
    boolean more = next < iterator.count();
    return new Configurations(
        more ? initConfigurations : null,
        new Iterator(next, iterator.count(), more),
        powerValues,
        runId,
        original,
        concurrentSizes,
        adaptive);
  }
}
