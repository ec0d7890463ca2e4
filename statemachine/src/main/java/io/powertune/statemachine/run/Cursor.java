package io.powertune.statemachine.run;

/** The last event of one line of execution (the top level, a branch, an iteration). */
final class Cursor {

  private long previous;

  Cursor(long previous) {
    this.previous = previous;
  }

  long previous() {
    return previous;
  }

  void moveTo(long id) {
    previous = id;
  }

  /** A new line that starts after this one's last event. */
  Cursor fork() {
    return new Cursor(previous);
  }
}
