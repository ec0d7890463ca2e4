package io.powertune.statemachine.definition;

import java.util.List;

/**
 * A definition that cannot run; every problem is listed with its location, as Step Functions
 * reports them ({@code SCHEMA_VALIDATION_FAILED: ... at /States/X/Next}).
 */
public final class InvalidDefinitionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public InvalidDefinitionException(List<String> problems) {
    super(String.join(", ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
