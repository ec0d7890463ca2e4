package io.powertune.platform.lambda;

import io.powertune.platform.lambda.errors.InvalidParameterValueException;
import io.powertune.platform.lambda.errors.RequestEntityTooLargeException;
import io.powertune.platform.store.FunctionStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Deployment packages: checked and stored once per SHA-256, unpacked once for the environments. */
public final class CodePackages {

  /** A stored package. */
  public record Package(String sha256Base64, long size) {}

  private static final int MAX_ZIPPED = 52_428_800;

  private final FunctionStore store;
  private final Path codeDir;
  private final java.util.Map<String, Path> unpackedDirs =
      new java.util.concurrent.ConcurrentHashMap<>();

  public CodePackages(FunctionStore store, Path codeDir) {
    this.store = store;
    this.codeDir = codeDir;
  }

  /** Checks and stores a base64 {@code ZipFile}. */
  public Package put(String zipFileBase64) {
    byte[] zip;
    try {
      zip = Base64.getDecoder().decode(zipFileBase64);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterValueException("ZipFile is not valid base64: " + e.getMessage());
    }
    if (zip.length > MAX_ZIPPED) {
      throw new RequestEntityTooLargeException(
          "Zipped size must be smaller than " + MAX_ZIPPED + " bytes");
    }
    if (!isZip(zip)) {
      throw new InvalidParameterValueException(
          "Could not unzip uploaded file. Please check your file, then try to upload again.");
    }
    String sha = Base64.getEncoder().encodeToString(sha256(zip));
    store.putCode(sha, zip);
    return new Package(sha, zip.length);
  }

  /** The directory holding the package's files, unpacked on first use. */
  public Path unpacked(String sha256Base64) {
    Path known = unpackedDirs.get(sha256Base64);
    return known != null ? known : unpack(sha256Base64);
  }

  private synchronized Path unpack(String sha256Base64) {
    String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(sha256Base64));
    Path dir = codeDir.resolve(hex);
    if (Files.isDirectory(dir)) {
      unpackedDirs.put(sha256Base64, dir);
      return dir;
    }
    byte[] zip =
        store
            .code(sha256Base64)
            .orElseThrow(() -> new IllegalStateException("no stored code " + sha256Base64));
    try {
      Files.createDirectories(codeDir);
      Path tmp = Files.createTempDirectory(codeDir, hex + ".");
      unzip(zip, tmp);
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // another environment unpacked it first
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack code " + hex, e);
    }
    unpackedDirs.put(sha256Base64, dir);
    return dir;
  }

  private static void unzip(byte[] zip, Path target) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path file = target.resolve(entry.getName()).normalize();
        if (!file.startsWith(target)) {
          throw new IOException("zip entry outside the package: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(file);
        } else {
          Files.createDirectories(file.getParent());
          Files.copy(in, file);
          // zip tools often drop the mode bits; every file may be a bootstrap or a script
          file.toFile().setExecutable(true, false);
        }
      }
    }
  }

  private static boolean isZip(byte[] zip) {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      boolean any = false;
      while (in.getNextEntry() != null) {
        any = true;
      }
      return any;
    } catch (IOException e) {
      return false;
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
