package io.powertune.platform.sfn;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** One write the journal batches: an event, a checkpoint or an execution's end. */
sealed interface JournalEntry {

  void write(PreparedStatement event, PreparedStatement checkpoint, PreparedStatement finish)
      throws SQLException;

  record Event(
      String executionArn, long id, long previousId, Instant timestamp, String type, String details)
      implements JournalEntry {
    @Override
    public void write(
        PreparedStatement event, PreparedStatement checkpoint, PreparedStatement finish)
        throws SQLException {
      event.setString(1, executionArn);
      event.setLong(2, id);
      event.setLong(3, previousId);
      event.setLong(4, timestamp.toEpochMilli());
      event.setString(5, type);
      event.setString(6, details);
      event.addBatch();
    }
  }

  record Checkpoint(String executionArn, String state, String input, long eventId)
      implements JournalEntry {
    @Override
    public void write(
        PreparedStatement event, PreparedStatement checkpoint, PreparedStatement finish)
        throws SQLException {
      checkpoint.setString(1, state);
      checkpoint.setString(2, input);
      checkpoint.setLong(3, eventId);
      checkpoint.setString(4, executionArn);
      checkpoint.addBatch();
    }
  }

  record Finish(
      String executionArn, String status, String output, String error, String cause, Instant at)
      implements JournalEntry {
    @Override
    public void write(
        PreparedStatement event, PreparedStatement checkpoint, PreparedStatement finish)
        throws SQLException {
      finish.setString(1, status);
      finish.setString(2, output);
      finish.setString(3, error);
      finish.setString(4, cause);
      finish.setLong(5, at.toEpochMilli());
      finish.setString(6, executionArn);
      finish.addBatch();
    }
  }
}
