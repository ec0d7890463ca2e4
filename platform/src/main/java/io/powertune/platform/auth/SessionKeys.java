package io.powertune.platform.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session credentials handed to execution environments: issued when one starts, revoked when it
 * ends. Functions never see the platform's own key pair, and a key that leaks out of a function
 * stops working with the environment that held it.
 */
public final class SessionKeys {

  private final SecureRandom random;
  private final Map<String, SessionCredentials> live = new ConcurrentHashMap<>();

  public SessionKeys(SecureRandom random) {
    this.random = random;
  }

  /** New credentials, accepted from now until {@link #revoke}. */
  public SessionCredentials issue() {
    SessionCredentials credentials =
        new SessionCredentials(
            "ASIA" + HexFormat.of().formatHex(bytes(8)).toUpperCase(Locale.ROOT),
            Base64.getEncoder().withoutPadding().encodeToString(bytes(30)),
            "powertune-" + HexFormat.of().formatHex(bytes(24)));
    live.put(credentials.accessKeyId(), credentials);
    return credentials;
  }

  /** The credentials stop being accepted. */
  public void revoke(SessionCredentials credentials) {
    live.remove(credentials.accessKeyId(), credentials);
  }

  /** The live credentials of this access key id, if any. */
  public Optional<SessionCredentials> find(String accessKeyId) {
    return Optional.ofNullable(live.get(accessKeyId));
  }

  /** How many are live (environments running, in practice). */
  public int live() {
    return live.size();
  }

  private byte[] bytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }
}
