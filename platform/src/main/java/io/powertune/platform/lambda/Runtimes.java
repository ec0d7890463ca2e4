package io.powertune.platform.lambda;

import java.util.List;

/** The runtimes the platform runs. */
public final class Runtimes {

  /** Every supported runtime identifier. */
  public static final List<String> SUPPORTED =
      List.of(
          "java17",
          "java21",
          "python3.9",
          "python3.10",
          "python3.11",
          "python3.12",
          "python3.13",
          "nodejs20.x",
          "nodejs22.x",
          "provided",
          "provided.al2",
          "provided.al2023");

  private Runtimes() {}

  public static boolean isCustom(String runtime) {
    return runtime.startsWith("provided");
  }
}
