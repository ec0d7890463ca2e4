package io.powertune.cli.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The tuner functions' deployment package, built with powertune and shipped inside it: the jar that
 * {@code tune} installs as the seven workflow functions.
 *
 * @param bytes the jar
 * @param sha256 its base64 SHA-256, as Lambda reports CodeSha256
 */
public record TunerPackage(byte[] bytes, String sha256) {

  private static final String RESOURCE = "tuner-functions.jar";

  /** The package shipped with this build of powertune. */
  public static TunerPackage shipped() {
    return Holder.SHIPPED;
  }

  private static final class Holder {
    static final TunerPackage SHIPPED = load();
  }

  private static TunerPackage load() {
    try (InputStream in = TunerPackage.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "this build of powertune lacks " + RESOURCE + "; rebuild it with mvn package");
      }
      byte[] bytes = in.readAllBytes();
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return new TunerPackage(bytes, Base64.getEncoder().encodeToString(digest));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
