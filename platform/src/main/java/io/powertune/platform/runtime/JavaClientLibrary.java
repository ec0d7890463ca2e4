package io.powertune.platform.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Java runtime interface client's native library for this host, unpacked once beside the
 * client's jar and named to each JVM with a system property. Left to itself the client unpacks it
 * to /tmp/.libaws-lambda-jni.so at every start: where environments share /tmp (limits off), JVMs
 * starting together overwrote each other's copy and crashed (exit 134).
 */
public final class JavaClientLibrary {

  /** The library's file name in the runtimes' java folder. */
  public static final String FILE = "libaws-lambda-jni.so";

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(JavaClientLibrary.class);

  private JavaClientLibrary() {}

  /**
   * True when {@link #unpack} put the library for this host in {@code javaDir}; otherwise runtimes
   * are left to the client's own search.
   */
  static boolean unpackedIn(Path javaDir) {
    return Files.isRegularFile(javaDir.resolve(FILE));
  }

  /**
   * Unpacks the library from the client's jar in {@code javaDir}: the glibc or musl build for the C
   * library this JVM itself runs on (its runtimes run on the same one).
   */
  public static void unpack(Path javaDir) throws IOException {
    String arch = System.getProperty("os.arch").contains("aarch64") ? "aarch_64" : "x86_64";
    boolean musl;
    try {
      musl = Files.readString(Path.of("/proc/self/maps")).contains("ld-musl");
    } catch (IOException e) {
      musl = false;
    }
    String entry = "jni/libaws-lambda-jni.linux" + (musl ? "_musl-" : "-") + arch + ".so";
    try (ZipFile jar =
        new ZipFile(javaDir.resolve("aws-lambda-java-runtime-interface-client.jar").toFile())) {
      ZipEntry library = jar.getEntry(entry);
      if (library == null) {
        LOG.warn(
            "the Java runtime interface client has no {}: java runtimes will not start", entry);
        Files.deleteIfExists(javaDir.resolve(FILE)); // another host's copy
        return;
      }
      try (InputStream in = jar.getInputStream(library)) {
        Files.copy(in, javaDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
