package io.powertune.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;

/** Builds deployment packages from folders, as a user's build would. */
public final class Zips {

  private Zips() {}

  /** The folder's files, zipped (paths relative to the folder). */
  public static SdkBytes of(Path dir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes);
        var files = Files.walk(dir)) {
      List<Path> regular = files.filter(Files::isRegularFile).sorted().toList();
      for (Path file : regular) {
        zip.putNextEntry(new ZipEntry(dir.relativize(file).toString()));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SdkBytes.fromByteArray(bytes.toByteArray());
  }

  /** One file, zipped. */
  public static SdkBytes ofFile(String name, String content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SdkBytes.fromByteArray(bytes.toByteArray());
  }

  /** A folder of the repository's examples. */
  public static Path example(String name) {
    return Path.of("..", "examples", "hello", name).toAbsolutePath().normalize();
  }

  /** A folder of this module's test functions. */
  public static Path testFunction(String name) {
    try {
      return Path.of(Zips.class.getResource("/functions/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
