package io.powertune.platform.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's key pair in the AWS shared-credentials format ({@code [default]} profile), mode
 * 0600, created once per state directory and reused after restarts.
 */
public final class CredentialsFile {

  private static final Pattern KEY_ID = Pattern.compile("(?m)^aws_access_key_id\\s*=\\s*(\\S+)");
  private static final Pattern SECRET =
      Pattern.compile("(?m)^aws_secret_access_key\\s*=\\s*(\\S+)");

  private CredentialsFile() {}

  /** Reads the state directory's credentials, creating them on first use. */
  public static PlatformCredentials loadOrCreate(Path stateDir, SecureRandom random) {
    Path file = stateDir.resolve("credentials");
    return read(file).orElseGet(() -> create(file, random));
  }

  private static Optional<PlatformCredentials> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      String text = Files.readString(file);
      Matcher id = KEY_ID.matcher(text);
      Matcher secret = SECRET.matcher(text);
      return id.find() && secret.find()
          ? Optional.of(new PlatformCredentials(id.group(1), secret.group(1)))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static PlatformCredentials create(Path file, SecureRandom random) {
    byte[] id = new byte[8];
    byte[] secret = new byte[30];
    random.nextBytes(id);
    random.nextBytes(secret);
    PlatformCredentials credentials =
        new PlatformCredentials(
            "PTIA" + HexFormat.of().formatHex(id).toUpperCase(Locale.ROOT),
            java.util.Base64.getEncoder()
                .encodeToString(secret)
                .replace('/', 'x')
                .replace('+', 'y'));
    String text =
        "[default]\naws_access_key_id = "
            + credentials.accessKeyId()
            + "\naws_secret_access_key = "
            + credentials.secretAccessKey()
            + "\n";
    try {
      Path tmp = Files.createTempFile(file.getParent(), ".credentials", ".tmp");
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(tmp, text);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      return credentials;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
