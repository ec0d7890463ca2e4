package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;

/**
 * Numbers events from 1 and links each to the previous event of its line. A Standard execution's
 * history holds at most {@link #MAX_EVENTS} events, as on AWS: when only the last one is left, the
 * execution fails and the event that would not fit is not recorded.
 */
final class EventLog {

  /** The most events an execution's history holds. */
  static final int MAX_EVENTS = 25_000;

  private final EventSink sink;
  private final Clock clock;
  private final Runnable full;
  private long last;

  /**
   * @param full ends the execution when its history is full (called once, before the throw)
   */
  EventLog(EventSink sink, Clock clock, long lastId, Runnable full) {
    this.sink = sink;
    this.clock = clock;
    this.last = lastId;
    this.full = full;
  }

  /**
   * Appends an event after the cursor's last one and moves the cursor to it.
   *
   * @throws StoppedException when the history has room only for the execution's last event
   */
  synchronized long append(Cursor cursor, String type, ObjectNode details) {
    if (last >= MAX_EVENTS - 1 && !type.startsWith("Execution")) {
      full.run();
      throw new StoppedException();
    }
    long id = ++last;
    sink.append(new HistoryEvent(id, cursor.previous(), clock.instant(), type, details));
    cursor.moveTo(id);
    return id;
  }
}
