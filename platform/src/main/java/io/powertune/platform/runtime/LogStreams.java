package io.powertune.platform.runtime;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Log stream names as Lambda gives them: {@code yyyy/MM/dd/[version]<32 hex digits>}. */
public final class LogStreams {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private LogStreams() {}

  /** A new environment's stream name with a random id. */
  public static String name(Instant now, String version) {
    return name(now, version, newId());
  }

  /** The stream name of the environment {@code id}. */
  public static String name(Instant now, String version, String id) {
    return DATE.format(now) + "/[" + version + "]" + id;
  }

  /** A random environment id of 32 hex digits. */
  public static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
