package io.powertune.platform.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The platform's SQLite database under the state directory. One connection, used under a lock; WAL
 * journal so readers never block on a writer.
 */
public final class Database implements AutoCloseable {

  private static final String[] SCHEMA = {
    """
    CREATE TABLE IF NOT EXISTS functions (
      account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL,
      last_version INTEGER NOT NULL DEFAULT 0, reserved_concurrency INTEGER,
      PRIMARY KEY (account, region, name))""",
    """
    CREATE TABLE IF NOT EXISTS versions (
      account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, version TEXT NOT NULL,
      config TEXT NOT NULL, PRIMARY KEY (account, region, name, version))""",
    """
    CREATE TABLE IF NOT EXISTS code (sha256 TEXT PRIMARY KEY, zip BLOB NOT NULL)""",
    """
    CREATE TABLE IF NOT EXISTS aliases (
      account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, alias TEXT NOT NULL,
      config TEXT NOT NULL, PRIMARY KEY (account, region, name, alias))""",
    """
    CREATE TABLE IF NOT EXISTS log_groups (
      account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, created INTEGER NOT NULL,
      PRIMARY KEY (account, region, name))""",
    """
    CREATE TABLE IF NOT EXISTS log_streams (
      account TEXT NOT NULL, region TEXT NOT NULL, log_group TEXT NOT NULL, name TEXT NOT NULL,
      created INTEGER NOT NULL, PRIMARY KEY (account, region, log_group, name))""",
    """
    CREATE TABLE IF NOT EXISTS log_events (
      id INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, region TEXT NOT NULL,
      log_group TEXT NOT NULL, stream TEXT NOT NULL, timestamp INTEGER NOT NULL,
      ingestion INTEGER NOT NULL, message TEXT NOT NULL)""",
    """
    CREATE TABLE IF NOT EXISTS log_retention (
      account TEXT NOT NULL, region TEXT NOT NULL, log_group TEXT NOT NULL, days INTEGER NOT NULL,
      PRIMARY KEY (account, region, log_group))""",
    """
    CREATE INDEX IF NOT EXISTS log_events_by_stream
      ON log_events (account, region, log_group, stream, timestamp, id)""",
    """
    CREATE TABLE IF NOT EXISTS state_machines (
      arn TEXT PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL,
      definition TEXT NOT NULL, role_arn TEXT NOT NULL, type TEXT NOT NULL,
      created INTEGER NOT NULL, revision_id TEXT NOT NULL)""",
    """
    CREATE TABLE IF NOT EXISTS executions (
      arn TEXT PRIMARY KEY, state_machine_arn TEXT NOT NULL, name TEXT NOT NULL,
      status TEXT NOT NULL, input TEXT NOT NULL, output TEXT, error TEXT, cause TEXT,
      started INTEGER NOT NULL, stopped INTEGER, definition TEXT NOT NULL,
      checkpoint_state TEXT, checkpoint_input TEXT, last_event INTEGER NOT NULL DEFAULT 0)""",
    """
    CREATE INDEX IF NOT EXISTS executions_by_machine
      ON executions (state_machine_arn, started)""",
    """
    CREATE TABLE IF NOT EXISTS execution_events (
      execution_arn TEXT NOT NULL, id INTEGER NOT NULL, previous_id INTEGER NOT NULL,
      timestamp INTEGER NOT NULL, type TEXT NOT NULL, details TEXT NOT NULL,
      PRIMARY KEY (execution_arn, id))""",
    """
    CREATE TABLE IF NOT EXISTS queued_events (
      id INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, region TEXT NOT NULL,
      name TEXT NOT NULL, version TEXT NOT NULL, invoked_arn TEXT NOT NULL, payload BLOB NOT NULL,
      failures INTEGER NOT NULL, expires INTEGER NOT NULL)"""
  };

  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  private Database(Connection connection) {
    this.connection = connection;
  }

  /** Opens (creating if needed) the database file and its schema. */
  public static Database open(Path file) {
    try {
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=5000");
        for (String ddl : SCHEMA) {
          s.execute(ddl);
        }
      }
      return new Database(connection);
    } catch (SQLException e) {
      throw new StoreException("cannot open the state database " + file, e);
    }
  }

  /** Work done with the connection, under the database lock. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} under the lock, in one transaction. */
  public <T> T transaction(Work<T> work) {
    lock.lock();
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("state database error: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the state database", e);
    } finally {
      lock.unlock();
    }
  }
}
