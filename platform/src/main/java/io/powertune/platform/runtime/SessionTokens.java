package io.powertune.platform.runtime;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Unguessable session tokens, one per execution environment. */
final class SessionTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SessionTokens() {}

  static String next() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return "powertune-" + HexFormat.of().formatHex(bytes);
  }
}
