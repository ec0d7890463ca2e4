package io.powertune.statemachine.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;

/** Numbers events from 1 and links each to the previous event of its line. */
final class EventLog {

  private final EventSink sink;
  private final Clock clock;
  private long last;

  EventLog(EventSink sink, Clock clock, long lastId) {
    this.sink = sink;
    this.clock = clock;
    this.last = lastId;
  }

  /** Appends an event after the cursor's last one and moves the cursor to it. */
  synchronized long append(Cursor cursor, String type, ObjectNode details) {
    long id = ++last;
    sink.append(new HistoryEvent(id, cursor.previous(), clock.instant(), type, details));
    cursor.moveTo(id);
    return id;
  }
}
