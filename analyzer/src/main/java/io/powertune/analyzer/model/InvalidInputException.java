package io.powertune.analyzer.model;

/**
 * Thrown when a user-supplied value cannot be used. The message names the field and says how to fix
 * it, so it can be shown to the user as it is.
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String problem;

  public InvalidInputException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** What is wrong with the field and how to fix it, without the field's name. */
  public String problem() {
    return problem;
  }

  /** The name of the offending field, as the user wrote it (for example {@code stats[2].value}). */
  public String field() {
    return field;
  }
}
