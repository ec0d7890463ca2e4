package io.powertune.tuner.steps;

/**
 * The description a tuning gives the versions it publishes: it names the run, so that cleanup
 * deletes exactly the versions this run made (never a version of the user's that Lambda would
 * return for an unchanged configuration), and it makes every configuration new to Lambda.
 */
public final class RunMarker {

  private static final String PREFIX = "powertune run ";

  private RunMarker() {}

  /** The description of the version behind {@code alias} in run {@code runId}. */
  public static String description(String runId, String alias) {
    return PREFIX + runId + ": " + alias;
  }

  /** True when a version with this description was published by run {@code runId}. */
  public static boolean ofRun(String description, String runId) {
    return description != null && description.startsWith(PREFIX + runId + ": ");
  }

  /** True when a version with this description was published by any tuning run. */
  public static boolean ofAnyRun(String description) {
    return description != null && description.startsWith(PREFIX);
  }
}
