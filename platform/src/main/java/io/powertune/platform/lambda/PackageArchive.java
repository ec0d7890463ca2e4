package io.powertune.platform.lambda;

import io.powertune.platform.lambda.errors.InvalidParameterValueException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * A deployment package's zip, checked before anything of it is stored: every entry must stay inside
 * the package, be named once in UTF-8, be a plain file or folder, and the whole must unzip within
 * Lambda's 250 MB. The checks read the central directory, which is also what unpacking follows, and
 * count the bytes actually inflated rather than the sizes the entries claim.
 */
final class PackageArchive {

  /** Lambda's limit on a function's unzipped code: 250 MB. */
  static final long MAX_UNZIPPED = 262_144_000L;

  /** The most entries a package may hold (the classic zip format's own limit). */
  static final int MAX_ENTRIES = 65_535;

  private static final String UNREADABLE =
      "Could not unzip uploaded file. Please check your file, then try to upload again.";

  private PackageArchive() {}

  /**
   * Checks the zip.
   *
   * @throws InvalidParameterValueException naming the entry and what is wrong with it
   */
  static void check(byte[] zip) {
    try (ZipFile file = open(zip)) {
      List<ZipArchiveEntry> entries = Collections.list(file.getEntriesInPhysicalOrder());
      if (entries.isEmpty()) {
        throw new InvalidParameterValueException(UNREADABLE + " (ZipFile has no entries)");
      }
      if (entries.size() > MAX_ENTRIES) {
        throw new InvalidParameterValueException(
            "ZipFile has "
                + entries.size()
                + " entries; a package may hold at most "
                + MAX_ENTRIES
                + ". Put files together (a layer or a single archive) and upload again.");
      }
      Set<String> files = new HashSet<>();
      Set<String> folders = new HashSet<>();
      long unzipped = 0;
      for (ZipArchiveEntry entry : entries) {
        String name = checkedName(entry);
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (entry.isUnixSymlink()) {
          throw refused(name, "is a symbolic link; put the file it points to in the package");
        }
        if (!file.canReadEntryData(entry)) {
          throw refused(name, "is encrypted or uses a compression method that cannot be read");
        }
        if (entry.isDirectory()) {
          folders.add(path);
        } else if (!files.add(path)) {
          throw refused(name, "appears more than once; each path may be in a package once");
        }
        addParents(path, folders);
        if (files.contains(path) && folders.contains(path) || anyParentIsFile(path, files)) {
          throw refused(name, "is both a file and a folder; rename one of them");
        }
        if (!entry.isDirectory()) {
          unzipped += inflatedSize(file, entry, MAX_UNZIPPED - unzipped);
        }
      }
    } catch (IOException e) {
      throw new InvalidParameterValueException(UNREADABLE);
    }
  }

  /** Unpacks a zip that {@link #check} accepted. */
  static void unpack(byte[] zip, Path target) throws IOException {
    try (ZipFile file = open(zip)) {
      for (ZipArchiveEntry entry : Collections.list(file.getEntriesInPhysicalOrder())) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("zip entry outside the package: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else {
          Files.createDirectories(path.getParent());
          try (InputStream in = file.getInputStream(entry)) {
            Files.copy(in, path);
          }
          // zip tools often drop the mode bits; every file may be a bootstrap or a script
          path.toFile().setExecutable(true, false);
        }
      }
    }
  }

  private static ZipFile open(byte[] zip) throws IOException {
    return ZipFile.builder()
        .setSeekableByteChannel(new SeekableInMemoryByteChannel(zip))
        .setUseUnicodeExtraFields(false)
        .get();
  }

  /** The entry's name, refused unless it is UTF-8 and a relative path inside the package. */
  private static String checkedName(ZipArchiveEntry entry) {
    String name;
    try {
      name =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(entry.getRawName()))
              .toString();
    } catch (CharacterCodingException e) {
      throw refused(entry.getName(), "is not named in UTF-8; rename it and zip again");
    }
    if (name.isEmpty() || name.indexOf('\0') >= 0) {
      throw refused(name, "has no usable name");
    }
    if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
      throw refused(name, "is an absolute path; zip paths relative to the package's root");
    }
    for (String segment : name.split("[/\\\\]")) {
      if (segment.equals("..")) {
        throw refused(name, "leaves the package with '..'; zip paths inside the package only");
      }
    }
    return name;
  }

  private static void addParents(String path, Set<String> folders) {
    for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
      folders.add(path.substring(0, i));
    }
  }

  private static boolean anyParentIsFile(String path, Set<String> files) {
    for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
      if (files.contains(path.substring(0, i))) {
        return true;
      }
    }
    return false;
  }

  /** The bytes the entry inflates to, read and discarded; refused past {@code allowed}. */
  private static long inflatedSize(ZipFile file, ZipArchiveEntry entry, long allowed)
      throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (InputStream in = file.getInputStream(entry)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > allowed) {
          throw new InvalidParameterValueException(
              "Unzipped size must be smaller than " + MAX_UNZIPPED + " bytes");
        }
      }
    }
    return total;
  }

  private static InvalidParameterValueException refused(String name, String problem) {
    return new InvalidParameterValueException("ZipFile entry '" + name + "' " + problem + ".");
  }
}
