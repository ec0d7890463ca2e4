package io.powertune.tuner.execute;

/** A pre- or post-processor failed: the run cannot go on, as in the original. */
public class ProcessorFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProcessorFailedException(String message) {
    super(message);
  }
}
