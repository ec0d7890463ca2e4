package io.powertune.analyzer.pricing;

import io.powertune.analyzer.model.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/** A Lambda instruction set architecture, named as the Lambda API names it. */
public enum Architecture {
  X86_64("x86_64"),
  ARM64("arm64");

  private final String apiName;

  Architecture(String apiName) {
    this.apiName = apiName;
  }

  /** The name the Lambda API uses ({@code x86_64} or {@code arm64}). */
  public String apiName() {
    return apiName;
  }

  /**
   * Reads an API name; {@code null} means x86_64, Lambda's default.
   *
   * @throws InvalidInputException naming {@code field} for any other value
   */
  public static Architecture fromApiName(String name, String field) {
    if (name == null) {
      return X86_64;
    }
    return Arrays.stream(values())
        .filter(a -> a.apiName.equals(name.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    field, "unsupported architecture '" + name + "'; use x86_64 or arm64"));
  }
}
