package io.powertune.platform.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.platform.store.Database;
import io.powertune.platform.store.LogEvent;
import io.powertune.platform.store.LogStore;
import io.powertune.platform.store.LogStore.Scope;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function that prints faster than its log is stored loses lines, not the platform's memory. */
class LogWriterTest {

  private static final Scope SCOPE = new Scope("000000000000", "us-east-1");

  @Test
  void flood_pastTheQueueLimit_dropsLines_andSaysHowMany(@TempDir Path dir) {
    LogStore store = new LogStore(Database.open(dir.resolve("state.db")));
    // the background thread does not store during the test: only flush() does
    try (LogWriter writer = new LogWriter(store, Clock.systemUTC(), 1000, Duration.ofHours(1))) {
      for (int i = 0; i < 100; i++) {
        writer.write(SCOPE, "/aws/lambda/f", "s", "x".repeat(99) + (i % 10));
      }
      writer.flush();

      List<LogEvent> events =
          store.events(
              SCOPE, "/aws/lambda/f", "s", 0, Long.MAX_VALUE, 0, Long.MAX_VALUE, 1000, false);
      assertThat(writer.mostQueuedChars()).isLessThanOrEqualTo(1000);
      assertThat(events).hasSize(11);
      assertThat(events.get(10).message())
          .isEqualTo(
              "[powertune] 90 lines of output were dropped: the function wrote faster than its"
                  + " log is stored");
    }
  }

  @Test
  void linesWithinTheLimit_areAllStored_inOrder(@TempDir Path dir) {
    LogStore store = new LogStore(Database.open(dir.resolve("state.db")));
    try (LogWriter writer = new LogWriter(store, Clock.systemUTC(), 1000, Duration.ofHours(1))) {
      for (int round = 0; round < 5; round++) {
        for (int i = 0; i < 5; i++) {
          writer.write(SCOPE, "/aws/lambda/f", "s", "line " + round + "." + i);
        }
        writer.flush(); // what was stored no longer counts against the limit
      }

      List<LogEvent> events =
          store.events(
              SCOPE, "/aws/lambda/f", "s", 0, Long.MAX_VALUE, 0, Long.MAX_VALUE, 1000, false);
      assertThat(events)
          .extracting(LogEvent::message)
          .hasSize(25)
          .startsWith("line 0.0")
          .endsWith("line 4.4");
    }
  }
}
