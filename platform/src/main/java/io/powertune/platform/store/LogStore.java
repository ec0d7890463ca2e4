package io.powertune.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Log groups, streams and events, in SQLite, for one account and region at a time. */
public final class LogStore {

  /** Where a log group lives. */
  public record Scope(String account, String region) {}

  /** One event to store. */
  public record NewEvent(long timestamp, String message) {}

  private final Database db;

  public LogStore(Database db) {
    this.db = db;
  }

  /** Creates a group; false when it exists. */
  public boolean createGroup(Scope scope, String group, long now) {
    return db.transaction(c -> insertGroup(c, scope, group, now));
  }

  public boolean groupExists(Scope scope, String group) {
    return db.transaction(
        c ->
            !strings(
                    c,
                    "SELECT 1 FROM log_groups WHERE account=? AND region=? AND name=?",
                    scope,
                    group)
                .isEmpty());
  }

  /** Sets (days over 0) or removes (0) a group's retention; false when the group is missing. */
  public boolean setRetention(Scope scope, String group, int days) {
    return db.transaction(
        c -> {
          if (strings(
                  c,
                  "SELECT 1 FROM log_groups WHERE account=? AND region=? AND name=?",
                  scope,
                  group)
              .isEmpty()) {
            return false;
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  days > 0
                      ? "INSERT OR REPLACE INTO log_retention (account, region, log_group, days)"
                          + " VALUES (?, ?, ?, ?)"
                      : "DELETE FROM log_retention WHERE account=? AND region=? AND log_group=?")) {
            bind(s, scope, group);
            if (days > 0) {
              s.setInt(4, days);
            }
            s.executeUpdate();
          }
          return true;
        });
  }

  /** Deletes a group with its streams, events and retention; false when it is missing. */
  public boolean deleteGroup(Scope scope, String group) {
    return db.transaction(
        c -> {
          for (String table : new String[] {"log_events", "log_streams", "log_retention"}) {
            try (PreparedStatement s =
                c.prepareStatement(
                    "DELETE FROM " + table + " WHERE account=? AND region=? AND log_group=?")) {
              bind(s, scope, group);
              s.executeUpdate();
            }
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "DELETE FROM log_groups WHERE account=? AND region=? AND name=?")) {
            bind(s, scope, group);
            return s.executeUpdate() > 0;
          }
        });
  }

  /** Creates a stream in an existing group; false when it exists. */
  public boolean createStream(Scope scope, String group, String stream, long now) {
    return db.transaction(c -> insertStream(c, scope, group, stream, now));
  }

  public boolean streamExists(Scope scope, String group, String stream) {
    return db.transaction(
        c ->
            !strings(
                    c,
                    "SELECT 1 FROM log_streams WHERE account=? AND region=? AND log_group=? AND name=?",
                    scope,
                    group,
                    stream)
                .isEmpty());
  }

  /** Stores events, creating the group and stream when {@code create} is set (Lambda's writes). */
  public void append(
      Scope scope, String group, String stream, List<NewEvent> events, long now, boolean create) {
    db.transaction(
        c -> {
          if (create) {
            insertGroup(c, scope, group, now);
            insertStream(c, scope, group, stream, now);
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO log_events (account, region, log_group, stream, timestamp, ingestion,"
                      + " message) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (NewEvent event : events) {
              bind(s, scope, group, stream);
              s.setLong(5, event.timestamp());
              s.setLong(6, now);
              s.setString(7, event.message());
              s.addBatch();
            }
            s.executeBatch();
          }
          return null;
        });
  }

  /** Groups whose names start with {@code prefix}, after {@code afterName}, sorted by name. */
  public List<LogGroupInfo> groups(Scope scope, String prefix, String afterName, int limit) {
    return db.transaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT g.name, g.created, (SELECT COALESCE(SUM(LENGTH(CAST(e.message AS BLOB))), 0)"
                      + " FROM log_events e WHERE e.account=g.account AND e.region=g.region AND"
                      + " e.log_group=g.name), (SELECT r.days FROM log_retention r WHERE"
                      + " r.account=g.account AND r.region=g.region AND r.log_group=g.name)"
                      + " FROM log_groups g WHERE g.account=? AND g.region=? AND"
                      + " g.name >= ? AND g.name > ? ORDER BY g.name LIMIT ?")) {
            bind(s, scope, prefix, afterName);
            s.setInt(5, limit);
            List<LogGroupInfo> groups = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next() && rs.getString(1).startsWith(prefix)) {
                groups.add(
                    new LogGroupInfo(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)));
              }
            }
            return groups;
          }
        });
  }

  /** Every stream of a group with its figures, sorted by name. */
  public List<LogStreamInfo> streams(Scope scope, String group) {
    return db.transaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT s.name, s.created, MIN(e.timestamp), MAX(e.timestamp), MAX(e.ingestion),"
                      + " COALESCE(SUM(LENGTH(CAST(e.message AS BLOB))), 0) FROM log_streams s"
                      + " LEFT JOIN log_events e ON e.account=s.account AND e.region=s.region AND"
                      + " e.log_group=s.log_group AND e.stream=s.name WHERE s.account=? AND"
                      + " s.region=? AND s.log_group=? GROUP BY s.name ORDER BY s.name")) {
            bind(s, scope, group);
            List<LogStreamInfo> streams = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                streams.add(
                    new LogStreamInfo(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6)));
              }
            }
            return streams;
          }
        });
  }

  /**
   * Events of one stream or of a whole group (stream null) with ids in (afterId, beforeId) and
   * timestamps in [startTime, endTime), in id order; {@code newest} takes the last {@code limit}.
   */
  public List<LogEvent> events(
      Scope scope,
      String group,
      String stream,
      long afterId,
      long beforeId,
      long startTime,
      long endTime,
      int limit,
      boolean newest) {
    return db.transaction(
        c -> {
          String sql =
              "SELECT id, stream, timestamp, ingestion, message FROM log_events WHERE account=? AND"
                  + " region=? AND log_group=? AND (? IS NULL OR stream=?) AND id > ? AND id < ?"
                  + " AND timestamp >= ? AND timestamp < ? ORDER BY id "
                  + (newest ? "DESC" : "ASC")
                  + " LIMIT ?";
          try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, scope, group, stream);
            s.setString(5, stream);
            s.setLong(6, afterId);
            s.setLong(7, beforeId);
            s.setLong(8, startTime);
            s.setLong(9, endTime);
            s.setInt(10, limit);
            List<LogEvent> events = readEvents(s);
            if (newest) {
              java.util.Collections.reverse(events);
            }
            return events;
          }
        });
  }

  /**
   * Events of a whole group in timestamp order (then insertion order), after the cursor {@code
   * (afterTimestamp, afterId)}, with timestamps in [startTime, endTime).
   */
  public List<LogEvent> eventsByTime(
      Scope scope,
      String group,
      long afterTimestamp,
      long afterId,
      long startTime,
      long endTime,
      int limit) {
    return db.transaction(
        c -> {
          String sql =
              "SELECT id, stream, timestamp, ingestion, message FROM log_events WHERE account=? AND"
                  + " region=? AND log_group=? AND (timestamp > ? OR (timestamp = ? AND id > ?))"
                  + " AND timestamp >= ? AND timestamp < ? ORDER BY timestamp, id LIMIT ?";
          try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, scope, group);
            s.setLong(4, afterTimestamp);
            s.setLong(5, afterTimestamp);
            s.setLong(6, afterId);
            s.setLong(7, startTime);
            s.setLong(8, endTime);
            s.setInt(9, limit);
            List<LogEvent> events = readEvents(s);
            return events;
          }
        });
  }

  private static List<LogEvent> readEvents(PreparedStatement s) throws SQLException {
    List<LogEvent> events = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        events.add(
            new LogEvent(
                rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5)));
      }
    }
    return events;
  }

  private static boolean insertGroup(Connection c, Scope scope, String group, long now)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT OR IGNORE INTO log_groups (account, region, name, created) VALUES (?, ?, ?, ?)")) {
      bind(s, scope, group);
      s.setLong(4, now);
      return s.executeUpdate() > 0;
    }
  }

  private static boolean insertStream(
      Connection c, Scope scope, String group, String stream, long now) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT OR IGNORE INTO log_streams (account, region, log_group, name, created)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      bind(s, scope, group, stream);
      s.setLong(5, now);
      return s.executeUpdate() > 0;
    }
  }

  private static List<String> strings(Connection c, String sql, Scope scope, String... more)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, scope, more);
      List<String> values = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
      return values;
    }
  }

  private static void bind(PreparedStatement s, Scope scope, String... more) throws SQLException {
    s.setString(1, scope.account());
    s.setString(2, scope.region());
    for (int i = 0; i < more.length; i++) {
      s.setString(3 + i, more[i]);
    }
  }
}
