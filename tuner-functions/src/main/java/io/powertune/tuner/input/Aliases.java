package io.powertune.tuner.input;

import java.util.regex.Pattern;

/**
 * The aliases a tuning creates: {@code RAM<memory>}, or {@code RAM<memory>-<i>} for cold starts.
 */
public final class Aliases {

  private static final Pattern TUNING_ALIAS = Pattern.compile("RAM\\d+(-\\d+)?");

  private Aliases() {}

  public static String of(int memory) {
    return "RAM" + memory;
  }

  public static String coldStart(int memory, int index) {
    return "RAM" + memory + "-" + index;
  }

  /** True for a name a tuning would create (and delete at its end). */
  public static boolean isTuningAlias(String name) {
    return TUNING_ALIAS.matcher(name).matches();
  }
}
