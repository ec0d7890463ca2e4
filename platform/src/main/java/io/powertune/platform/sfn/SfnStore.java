package io.powertune.platform.sfn;

import io.powertune.platform.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** State machines, executions and their histories in the platform's SQLite database. */
final class SfnStore {

  /** One stored history event. */
  record StoredEvent(long id, long previousId, Instant timestamp, String type, String details) {}

  private static final String EXECUTION_COLUMNS =
      "arn, state_machine_arn, name, status, input, output, error, cause, started, stopped,"
          + " definition, checkpoint_state, checkpoint_input, last_event";

  private final Database db;

  SfnStore(Database db) {
    this.db = db;
  }

  /** Inserts the state machine; false when one with its ARN exists. */
  boolean create(StateMachineRecord sm, String account, String region) {
    return db.transaction(
        c -> {
          if (stateMachine(c, sm.arn()).isPresent()) {
            return false;
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO state_machines (arn, account, region, name, definition, role_arn,"
                      + " type, created, revision_id) VALUES (?,?,?,?,?,?,?,?,?)")) {
            s.setString(1, sm.arn());
            s.setString(2, account);
            s.setString(3, region);
            s.setString(4, sm.name());
            s.setString(5, sm.definition());
            s.setString(6, sm.roleArn());
            s.setString(7, sm.type());
            s.setLong(8, sm.created().toEpochMilli());
            s.setString(9, sm.revisionId());
            s.executeUpdate();
          }
          return true;
        });
  }

  Optional<StateMachineRecord> stateMachine(String arn) {
    return db.transaction(c -> stateMachine(c, arn));
  }

  private static Optional<StateMachineRecord> stateMachine(Connection c, String arn)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT arn, name, definition, role_arn, type, created, revision_id"
                + " FROM state_machines WHERE arn = ?")) {
      s.setString(1, arn);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(stateMachine(r)) : Optional.empty();
      }
    }
  }

  private static StateMachineRecord stateMachine(ResultSet r) throws SQLException {
    return new StateMachineRecord(
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        Instant.ofEpochMilli(r.getLong(6)),
        r.getString(7));
  }

  void update(StateMachineRecord sm) {
    db.transaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE state_machines SET definition = ?, role_arn = ?, revision_id = ?"
                      + " WHERE arn = ?")) {
            s.setString(1, sm.definition());
            s.setString(2, sm.roleArn());
            s.setString(3, sm.revisionId());
            s.setString(4, sm.arn());
            return s.executeUpdate();
          }
        });
  }

  void delete(String arn) {
    db.transaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM state_machines WHERE arn = ?")) {
            s.setString(1, arn);
            return s.executeUpdate();
          }
        });
  }

  List<StateMachineRecord> stateMachines(String account, String region) {
    return db.transaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT arn, name, definition, role_arn, type, created, revision_id"
                      + " FROM state_machines WHERE account = ? AND region = ? ORDER BY name")) {
            s.setString(1, account);
            s.setString(2, region);
            List<StateMachineRecord> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                out.add(stateMachine(r));
              }
            }
            return out;
          }
        });
  }

  void insert(ExecutionRecord e) {
    db.transaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO executions ("
                      + EXECUTION_COLUMNS
                      + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            s.setString(1, e.arn());
            s.setString(2, e.stateMachineArn());
            s.setString(3, e.name());
            s.setString(4, e.status());
            s.setString(5, e.input());
            s.setString(6, e.output());
            s.setString(7, e.error());
            s.setString(8, e.cause());
            s.setLong(9, e.started().toEpochMilli());
            if (e.stopped() == null) {
              s.setNull(10, Types.INTEGER);
            } else {
              s.setLong(10, e.stopped().toEpochMilli());
            }
            s.setString(11, e.definition());
            s.setString(12, e.checkpointState());
            s.setString(13, e.checkpointInput());
            s.setLong(14, e.checkpointEventId());
            return s.executeUpdate();
          }
        });
  }

  Optional<ExecutionRecord> execution(String arn) {
    List<ExecutionRecord> found = executions("arn = ?", arn);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** A state machine's executions, newest first. */
  List<ExecutionRecord> executionsOf(String stateMachineArn) {
    return executions("state_machine_arn = ? ORDER BY started DESC, rowid DESC", stateMachineArn);
  }

  List<ExecutionRecord> running() {
    return executions("status = ?", "RUNNING");
  }

  private List<ExecutionRecord> executions(String where, String value) {
    return db.transaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT " + EXECUTION_COLUMNS + " FROM executions WHERE " + where)) {
            s.setString(1, value);
            List<ExecutionRecord> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                long stopped = r.getLong(10);
                boolean running = r.wasNull();
                out.add(
                    new ExecutionRecord(
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        r.getString(6),
                        r.getString(7),
                        r.getString(8),
                        Instant.ofEpochMilli(r.getLong(9)),
                        running ? null : Instant.ofEpochMilli(stopped),
                        r.getString(11),
                        r.getString(12),
                        r.getString(13),
                        r.getLong(14)));
              }
            }
            return out;
          }
        });
  }

  List<StoredEvent> events(String executionArn) {
    return db.transaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT id, previous_id, timestamp, type, details FROM execution_events"
                      + " WHERE execution_arn = ? ORDER BY id")) {
            s.setString(1, executionArn);
            List<StoredEvent> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                out.add(
                    new StoredEvent(
                        r.getLong(1),
                        r.getLong(2),
                        Instant.ofEpochMilli(r.getLong(3)),
                        r.getString(4),
                        r.getString(5)));
              }
            }
            return out;
          }
        });
  }

  /** Writes a batch of journal entries in one transaction, in order. */
  void write(List<JournalEntry> entries) {
    db.transaction(
        c -> {
          try (PreparedStatement event =
                  c.prepareStatement(
                      "INSERT OR REPLACE INTO execution_events (execution_arn, id, previous_id,"
                          + " timestamp, type, details) VALUES (?,?,?,?,?,?)");
              PreparedStatement checkpoint =
                  c.prepareStatement(
                      "UPDATE executions SET checkpoint_state = ?, checkpoint_input = ?,"
                          + " last_event = ? WHERE arn = ?");
              PreparedStatement finish =
                  c.prepareStatement(
                      "UPDATE executions SET status = ?, output = ?, error = ?, cause = ?,"
                          + " stopped = ? WHERE arn = ?")) {
            for (JournalEntry entry : entries) {
              entry.write(event, checkpoint, finish);
            }
            event.executeBatch();
            checkpoint.executeBatch();
            finish.executeBatch();
          }
          return null;
        });
  }
}
