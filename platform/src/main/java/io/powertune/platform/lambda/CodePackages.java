package io.powertune.platform.lambda;

import io.powertune.platform.lambda.errors.InvalidParameterValueException;
import io.powertune.platform.lambda.errors.RequestEntityTooLargeException;
import io.powertune.platform.store.FunctionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * Deployment packages: checked and stored once per SHA-256, unpacked once for the environments, and
 * deleted when no version uses them any more (stored ones at once, unpacked copies at the next
 * start, when no environment can be running from them).
 */
public final class CodePackages {

  /** A stored package. */
  public record Package(String sha256Base64, long size) {}

  private static final int MAX_ZIPPED = 52_428_800;

  private final FunctionStore store;
  private final Path codeDir;
  private final java.util.Map<String, Path> unpackedDirs =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Packages stored for a function being written now, by SHA-256, with how many writes use it. */
  private final java.util.Map<String, Integer> pending = new java.util.HashMap<>();

  public CodePackages(FunctionStore store, Path codeDir) {
    this.store = store;
    this.codeDir = codeDir;
  }

  /**
   * Checks and stores a base64 {@code ZipFile}, kept from {@link #deleteUnused} until {@link
   * #release}d (by the write that stores the version using it).
   */
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
    PackageArchive.check(zip);
    String sha = Base64.getEncoder().encodeToString(sha256(zip));
    synchronized (pending) {
      pending.merge(sha, 1, Integer::sum);
      store.putCode(sha, zip);
    }
    return new Package(sha, zip.length);
  }

  /** The write that put the package is over: it may be deleted once no version uses it. */
  public void release(Package stored) {
    synchronized (pending) {
      pending.computeIfPresent(stored.sha256Base64(), (sha, n) -> n == 1 ? null : n - 1);
    }
  }

  /** Deletes the stored packages no version uses (nor a write in progress). */
  public void deleteUnused() {
    synchronized (pending) {
      store.deleteUnusedCode(pending.keySet()).forEach(unpackedDirs::remove);
    }
  }

  /**
   * At start, before any environment runs: deletes unused packages, then every unpacked copy (and
   * unfinished unpacking) whose package is no longer stored.
   */
  public void deleteUnusedAtStart() {
    deleteUnused();
    java.util.Set<String> stored = new java.util.HashSet<>();
    for (String sha : store.codeShas()) {
      stored.add(HexFormat.of().formatHex(Base64.getDecoder().decode(sha)));
    }
    if (!Files.isDirectory(codeDir)) {
      return;
    }
    try (var dirs = Files.list(codeDir)) {
      for (Path dir : dirs.toList()) {
        if (!stored.contains(dir.getFileName().toString())) {
          deleteTree(dir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + codeDir, e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
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
      if (readableByFunctionUsers(dir)) {
        unpackedDirs.put(sha256Base64, dir);
        return dir;
      }
      // unpacked by an older powertune, before functions ran as users of their own: again
      try {
        deleteTree(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove the old unpacked code " + dir, e);
      }
    }
    byte[] zip =
        store
            .code(sha256Base64)
            .orElseThrow(() -> new IllegalStateException("no stored code " + sha256Base64));
    try {
      Files.createDirectories(codeDir);
      Path tmp = Files.createTempDirectory(codeDir, hex + ".");
      // readable by the function's own user, which sees it as /var/task (read-only)
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
      PackageArchive.unpack(zip, tmp);
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // another environment unpacked it first
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack code " + hex, e);
    }
    unpackedDirs.put(sha256Base64, dir);
    return dir;
  }

  private static boolean readableByFunctionUsers(Path dir) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
      return permissions.contains(PosixFilePermission.OTHERS_READ)
          && permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
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
