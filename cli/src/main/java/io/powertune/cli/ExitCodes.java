package io.powertune.cli;

/** Exit codes of the {@code powertune} command. */
public final class ExitCodes {

  /** Success. */
  public static final int OK = 0;

  /** An unexpected failure inside powertune. */
  public static final int FAILURE = 1;

  /** Invalid input: a bad flag, file or field. The message names it. */
  public static final int INVALID_INPUT = 2;

  /** The tuning ran and failed; its cause is printed. */
  public static final int TUNING_FAILED = 3;

  /** With --baseline: the recommended size got slower or dearer than allowed. */
  public static final int REGRESSION = 4;

  private ExitCodes() {}
}
