package io.powertune.platform.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.platform.lambda.model.AliasConfig;
import io.powertune.platform.lambda.model.FunctionConfig;
import io.powertune.platform.lambda.model.FunctionKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/** Functions, their versions, aliases, code and reserved concurrency, in SQLite. */
public final class FunctionStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LATEST = "$LATEST";
  private static final String WHERE = " WHERE account = ? AND region = ? AND name = ?";

  private final Database db;

  /**
   * Write-through caches of what the invoke path reads, so a warm invocation does not touch the
   * database. Every write goes through this class and changes the cache under the database lock, in
   * the same transaction; a load fills the cache under that lock too, so a load and a delete cannot
   * interleave into a stale entry. Only rows that exist are cached.
   */
  private final Map<String, FunctionConfig> versionCache = new ConcurrentHashMap<>();

  private final Map<String, AliasConfig> aliasCache = new ConcurrentHashMap<>();
  private final Map<FunctionKey, OptionalInt> reservedCache = new ConcurrentHashMap<>();
  private final Map<FunctionKey, Integer> reservedOthersCache = new ConcurrentHashMap<>();

  public FunctionStore(Database db) {
    this.db = db;
  }

  private static String cacheKey(FunctionKey key, String qualifier) {
    return key.account() + "/" + key.region() + "/" + key.name() + "/" + qualifier;
  }

  private void forget(FunctionKey key) {
    String prefix = cacheKey(key, "");
    versionCache.keySet().removeIf(k -> k.startsWith(prefix));
    aliasCache.keySet().removeIf(k -> k.startsWith(prefix));
    reservedCache.remove(key);
    reservedOthersCache.clear();
  }

  public boolean exists(FunctionKey key) {
    if (versionCache.containsKey(cacheKey(key, LATEST))) {
      return true; // a function always has $LATEST, and the cache holds only rows that exist
    }
    return db.transaction(c -> !column(c, "SELECT 1 FROM functions" + WHERE, key).isEmpty());
  }

  /** Creates the function with its {@code $LATEST} configuration; false when the name is taken. */
  public boolean create(FunctionKey key, FunctionConfig latest) {
    return db.transaction(
        c -> {
          if (!column(c, "SELECT 1 FROM functions" + WHERE, key).isEmpty()) {
            return false;
          }
          update(c, "INSERT INTO functions (account, region, name) VALUES (?, ?, ?)", key);
          forget(key);
          putVersion(c, key, LATEST, latest);
          versionCache.put(cacheKey(key, LATEST), latest);
          return true;
        });
  }

  public Optional<FunctionConfig> version(FunctionKey key, String version) {
    String cacheKey = cacheKey(key, version);
    FunctionConfig hit = versionCache.get(cacheKey);
    if (hit != null) {
      return Optional.of(hit);
    }
    return db.transaction(
        c -> {
          Optional<FunctionConfig> loaded = loadVersion(c, key, version);
          loaded.ifPresent(config -> versionCache.put(cacheKey, config));
          return loaded;
        });
  }

  private static Optional<FunctionConfig> loadVersion(Connection c, FunctionKey key, String version)
      throws SQLException {
    return first(
            column(c, "SELECT config FROM versions" + WHERE + " AND version = ?", key, version))
        .map(json -> read(json, FunctionConfig.class));
  }

  public void putVersion(FunctionKey key, String version, FunctionConfig config) {
    db.transaction(
        c -> {
          putVersion(c, key, version, config);
          versionCache.put(cacheKey(key, version), config);
          return null;
        });
  }

  /**
   * Replaces a version's configuration only if it is still {@code expected}; returns what is stored
   * afterwards (the replacement, or the newer configuration another write stored meanwhile).
   */
  public Optional<FunctionConfig> replaceIfUnchanged(
      FunctionKey key, String version, FunctionConfig expected, FunctionConfig replacement) {
    return db.transaction(
        c -> {
          Optional<FunctionConfig> current = loadVersion(c, key, version);
          if (current.isPresent() && current.get().equals(expected)) {
            putVersion(c, key, version, replacement);
            versionCache.put(cacheKey(key, version), replacement);
            return Optional.of(replacement);
          }
          return current;
        });
  }

  /** Allocates the next version number; numbers are never reused. */
  public int nextVersionNumber(FunctionKey key) {
    return db.transaction(
        c -> {
          update(c, "UPDATE functions SET last_version = last_version + 1" + WHERE, key);
          return Integer.parseInt(
              column(c, "SELECT last_version FROM functions" + WHERE, key).get(0));
        });
  }

  /** Version names, {@code $LATEST} first, then numbers ascending. */
  public List<String> versions(FunctionKey key) {
    return db.transaction(
        c -> {
          List<String> versions = column(c, "SELECT version FROM versions" + WHERE, key);
          versions.sort(
              Comparator.comparing((String v) -> !v.equals(LATEST))
                  .thenComparingLong(v -> v.equals(LATEST) ? 0 : Long.parseLong(v)));
          return versions;
        });
  }

  /** The functions of an account and region, sorted by name. */
  public List<FunctionKey> functions(String account, String region) {
    return db.transaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT name FROM functions WHERE account = ? AND region = ? ORDER BY name")) {
            s.setString(1, account);
            s.setString(2, region);
            return strings(s).stream().map(n -> new FunctionKey(account, region, n)).toList();
          }
        });
  }

  public void deleteFunction(FunctionKey key) {
    db.transaction(
        c -> {
          for (String table : List.of("functions", "versions", "aliases")) {
            update(c, "DELETE FROM " + table + WHERE, key);
          }
          forget(key);
          return null;
        });
  }

  public void deleteVersion(FunctionKey key, String version) {
    db.transaction(
        c -> {
          versionCache.remove(cacheKey(key, version));
          return update(c, "DELETE FROM versions" + WHERE + " AND version = ?", key, version);
        });
  }

  public Optional<AliasConfig> alias(FunctionKey key, String name) {
    String cacheKey = cacheKey(key, "alias:" + name);
    AliasConfig hit = aliasCache.get(cacheKey);
    if (hit != null) {
      return Optional.of(hit);
    }
    return db.transaction(
        c -> {
          Optional<AliasConfig> loaded =
              first(column(c, "SELECT config FROM aliases" + WHERE + " AND alias = ?", key, name))
                  .map(json -> read(json, AliasConfig.class));
          loaded.ifPresent(alias -> aliasCache.put(cacheKey, alias));
          return loaded;
        });
  }

  public void putAlias(FunctionKey key, AliasConfig alias) {
    db.transaction(
        c -> {
          aliasCache.put(cacheKey(key, "alias:" + alias.name()), alias);
          return update(
              c,
              "INSERT OR REPLACE INTO aliases (account, region, name, alias, config)"
                  + " VALUES (?, ?, ?, ?, ?)",
              key,
              alias.name(),
              write(alias));
        });
  }

  /** Deletes the alias; false when there was none. */
  public boolean deleteAlias(FunctionKey key, String name) {
    return db.transaction(
        c -> {
          aliasCache.remove(cacheKey(key, "alias:" + name));
          return update(c, "DELETE FROM aliases" + WHERE + " AND alias = ?", key, name) > 0;
        });
  }

  public List<AliasConfig> aliases(FunctionKey key) {
    return db.transaction(
        c ->
            column(c, "SELECT config FROM aliases" + WHERE + " ORDER BY alias", key).stream()
                .map(json -> read(json, AliasConfig.class))
                .toList());
  }

  /** Stores a deployment package once per SHA-256. */
  public void putCode(String sha256, byte[] zip) {
    db.transaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("INSERT OR IGNORE INTO code (sha256, zip) VALUES (?, ?)")) {
            s.setString(1, sha256);
            s.setBytes(2, zip);
            return s.executeUpdate();
          }
        });
  }

  /**
   * Deletes the stored packages no version uses, except {@code kept} (packages whose function is
   * being written right now).
   *
   * @return the SHA-256s deleted
   */
  public List<String> deleteUnusedCode(java.util.Set<String> kept) {
    return db.transaction(
        c -> {
          List<String> unused = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT sha256 FROM code WHERE sha256 NOT IN"
                          + " (SELECT json_extract(config, '$.codeSha256') FROM versions)");
              ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              unused.add(rs.getString(1));
            }
          }
          unused.removeAll(kept);
          try (PreparedStatement d = c.prepareStatement("DELETE FROM code WHERE sha256 = ?")) {
            for (String sha : unused) {
              d.setString(1, sha);
              d.addBatch();
            }
            d.executeBatch();
          }
          return unused;
        });
  }

  /** The SHA-256 of every stored package. */
  public List<String> codeShas() {
    return db.transaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement("SELECT sha256 FROM code")) {
            return strings(s);
          }
        });
  }

  public Optional<byte[]> code(String sha256) {
    return db.transaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement("SELECT zip FROM code WHERE sha256 = ?")) {
            s.setString(1, sha256);
            try (ResultSet rs = s.executeQuery()) {
              return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
            }
          }
        });
  }

  public OptionalInt reservedConcurrency(FunctionKey key) {
    OptionalInt hit = reservedCache.get(key);
    if (hit != null) {
      return hit;
    }
    return db.transaction(
        c -> {
          List<String> row = column(c, "SELECT reserved_concurrency FROM functions" + WHERE, key);
          if (row.isEmpty()) {
            return OptionalInt.empty();
          }
          OptionalInt value =
              row.get(0) == null
                  ? OptionalInt.empty()
                  : OptionalInt.of(Integer.parseInt(row.get(0)));
          reservedCache.put(key, value);
          return value;
        });
  }

  /** Sets, or with null removes, the function's reserved concurrency. */
  public void setReservedConcurrency(FunctionKey key, Integer value) {
    db.transaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("UPDATE functions SET reserved_concurrency = ?" + WHERE)) {
            if (value == null) {
              s.setNull(1, Types.INTEGER);
            } else {
              s.setInt(1, value);
            }
            bind(s, 2, key);
            reservedCache.remove(key);
            reservedOthersCache.clear();
            return s.executeUpdate();
          }
        });
  }

  /** Sum of the reserved concurrency of every function of the account and region but one. */
  public int reservedConcurrencyOfOthers(FunctionKey except) {
    Integer hit = reservedOthersCache.get(except);
    if (hit != null) {
      return hit;
    }
    return db.transaction(
        c -> {
          int sum =
              Integer.parseInt(
                  column(
                          c,
                          "SELECT COALESCE(SUM(reserved_concurrency), 0) FROM functions"
                              + " WHERE account = ? AND region = ? AND name <> ?",
                          except)
                      .get(0));
          reservedOthersCache.put(except, sum);
          return sum;
        });
  }

  private static int putVersion(
      Connection c, FunctionKey key, String version, FunctionConfig config) throws SQLException {
    return update(
        c,
        "INSERT OR REPLACE INTO versions (account, region, name, version, config)"
            + " VALUES (?, ?, ?, ?, ?)",
        key,
        version,
        write(config));
  }

  private static Optional<String> first(List<String> values) {
    return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
  }

  /** The first column of every row, as strings (null for SQL NULL). */
  private static List<String> column(Connection c, String sql, FunctionKey key, String... more)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bindAll(s, key, more);
      return strings(s);
    }
  }

  private static List<String> strings(PreparedStatement s) throws SQLException {
    try (ResultSet rs = s.executeQuery()) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }

  private static int update(Connection c, String sql, FunctionKey key, String... more)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bindAll(s, key, more);
      return s.executeUpdate();
    }
  }

  private static void bindAll(PreparedStatement s, FunctionKey key, String... more)
      throws SQLException {
    int next = bind(s, 1, key);
    for (String value : more) {
      s.setString(next++, value);
    }
  }

  private static int bind(PreparedStatement s, int first, FunctionKey key) throws SQLException {
    s.setString(first, key.account());
    s.setString(first + 1, key.region());
    s.setString(first + 2, key.name());
    return first + 3;
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new StoreException("corrupt record in the state database: " + e.getMessage(), e);
    }
  }
}
