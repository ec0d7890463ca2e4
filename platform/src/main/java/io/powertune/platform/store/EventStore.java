package io.powertune.platform.store;

import io.powertune.platform.lambda.model.FunctionKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Event invocations not yet done, kept in SQLite so that a restart loses none. */
public final class EventStore {

  private final Database db;

  public EventStore(Database db) {
    this.db = db;
  }

  /** Stores a new event; returns its id. */
  public long add(
      FunctionKey key, String version, String invokedArn, byte[] payload, long expiresAtMillis) {
    return db.transaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO queued_events (account, region, name, version, invoked_arn,"
                      + " payload, failures, expires) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, key.account());
            s.setString(2, key.region());
            s.setString(3, key.name());
            s.setString(4, version);
            s.setString(5, invokedArn);
            s.setBytes(6, payload);
            s.setLong(7, expiresAtMillis);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
              keys.next();
              return keys.getLong(1);
            }
          }
        });
  }

  /** Records that another attempt failed. */
  public void failed(long id, int failures) {
    update("UPDATE queued_events SET failures = ? WHERE id = ?", failures, id);
  }

  /** The event is done: run, or dropped after its retries. */
  public void remove(long id) {
    db.transaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement("DELETE FROM queued_events WHERE id = ?")) {
            s.setLong(1, id);
            return s.executeUpdate();
          }
        });
  }

  /** Every event not yet done, oldest first. */
  public List<QueuedEvent> all() {
    return db.transaction(
        c -> {
          List<QueuedEvent> events = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT id, account, region, name, version, invoked_arn, payload, failures,"
                          + " expires FROM queued_events ORDER BY id");
              ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              events.add(
                  new QueuedEvent(
                      rs.getLong(1),
                      new FunctionKey(rs.getString(2), rs.getString(3), rs.getString(4)),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getBytes(7),
                      rs.getInt(8),
                      rs.getLong(9)));
            }
          }
          return events;
        });
  }

  private void update(String sql, int value, long id) {
    db.transaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, value);
            s.setLong(2, id);
            return s.executeUpdate();
          }
        });
  }
}
