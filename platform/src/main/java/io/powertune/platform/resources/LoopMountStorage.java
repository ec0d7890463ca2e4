package io.powertune.platform.resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private /tmp of exactly the function's size, disk-backed as Lambda's is: an ext4 image per
 * environment, loop-mounted on /tmp in the environment's own mount namespace. Files written there
 * are the page cache's, not the function's memory, and a write past the size fails with ENOSPC.
 *
 * <p>Each size's empty file system is made once (mkfs.ext4, sparse) and copied sparsely per
 * environment (about 4 ms); the mount (about 15 ms) runs in the process before the runtime and is
 * left out of Init Duration. The loop device goes away with the namespace. When the platform's
 * state directory is itself under /tmp (code, bootstraps and the environment's pipe live there), it
 * stays visible at its path inside the new /tmp.
 */
public final class LoopMountStorage implements EphemeralStorage {

  private static final Logger LOG = LoggerFactory.getLogger(LoopMountStorage.class);
  private static final long COMMAND_LIMIT_SECONDS = 60;

  private static final Path TMP = Path.of("/tmp");

  private final Path templates;
  private final String keepVisible;
  private final Path spareDir;
  private final String mkfs;
  private final String debugfs;
  private final String unshare;
  private final Map<Integer, Path> spares = new ConcurrentHashMap<>();
  private final ExecutorService refill =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tmp-image-refill");
            t.setDaemon(true);
            return t;
          });

  private LoopMountStorage(
      Path templates, String keepVisible, String mkfs, String debugfs, String unshare) {
    this.templates = templates;
    this.spareDir = templates.resolve("spares");
    this.keepVisible = keepVisible;
    this.mkfs = mkfs;
    this.debugfs = debugfs;
    this.unshare = unshare;
    deleteTree(spareDir); // a previous run's
  }

  /**
   * This storage when the host can mount a /tmp image in a private namespace; otherwise directories
   * of the host's file system, with a warning saying why.
   *
   * @param stateDir the platform's state directory; the images go to its {@code storage}
   */
  public static EphemeralStorage detect(Path stateDir) {
    try {
      return probe(stateDir);
    } catch (IllegalStateException | UncheckedIOException e) {
      LOG.warn(
          "/tmp size limits are unavailable ({}): each environment gets its own TMPDIR, but /tmp"
              + " is the host's and its EphemeralStorage size is not enforced",
          e.getMessage());
      return new SharedTmpStorage(e.getMessage());
    }
  }

  /**
   * A storage that keeps its empty images in {@code stateDir/storage}, after checking that this
   * host can mount one in a private namespace.
   *
   * @throws IllegalStateException with the reason when it cannot
   */
  static LoopMountStorage probe(Path stateDir) {
    String mkfs = tool("mkfs.ext4");
    String debugfs = tool("debugfs");
    String unshare = tool("unshare");
    if (mkfs == null || debugfs == null || unshare == null) {
      throw new IllegalStateException("mkfs.ext4, debugfs (e2fsprogs) or unshare is not installed");
    }
    Path state;
    try {
      Files.createDirectories(stateDir);
      state = stateDir.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + stateDir, e);
    }
    if (state.equals(TMP)) {
      throw new IllegalStateException("the state directory is /tmp itself");
    }
    Path templates = state.resolve("storage");
    LoopMountStorage storage =
        new LoopMountStorage(
            templates, state.startsWith(TMP) ? state.toString() : "", mkfs, debugfs, unshare);
    Path probe = templates.resolve("probe");
    try {
      PrivateTmp tmp = storage.prepare(probe, 512, null);
      List<String> command = new ArrayList<>(tmp.enterCommand());
      command.add("true");
      run(command, "mount a /tmp image in a private mount namespace");
    } finally {
      deleteTree(probe);
    }
    return storage;
  }

  @Override
  public boolean isolates() {
    return true;
  }

  @Override
  public PrivateTmp prepare(Path envDir, int sizeMb, Isolation isolation) {
    Path image = envDir.resolve("tmp.img");
    Path marker = envDir.resolve(".runtime-start");
    try {
      Files.createDirectories(envDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + envDir, e);
    }
    if (isolation != null) {
      // the image and the start marker are the platform's: the function only sees the mount
      try {
        Files.setPosixFilePermissions(envDir, PosixFilePermissions.fromString("rwx------"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot restrict " + envDir, e);
      }
    }
    takeCopy(sizeMb, image);
    Path fstab = envDir.resolve("fstab");
    if (isolation != null) {
      writeFstab(fstab, isolation);
    }
    List<String> enter =
        List.of(
            unshare,
            "--mount",
            "--propagation",
            "private",
            "/bin/bash",
            "-c",
            MOUNT_SCRIPT,
            "bash",
            image.toString(),
            marker.toString(),
            keepVisible,
            isolation == null ? "" : Integer.toString(isolation.uid()),
            isolation == null ? "" : fstab.toString());
    return new PrivateTmp(enter, Path.of("/tmp"), marker);
  }

  /**
   * Puts an empty image of the size at {@code image}: the spare made in the background when there
   * is one (a rename), else a sparse copy of the template; then makes the next spare.
   */
  private void takeCopy(int sizeMb, Path image) {
    Path spare = spares.remove(sizeMb);
    boolean taken = false;
    if (spare != null) {
      try {
        Files.move(spare, image, StandardCopyOption.ATOMIC_MOVE);
        taken = true;
      } catch (IOException e) {
        deleteTree(spare); // another file system: copy instead
      }
    }
    if (!taken) {
      copy(template(sizeMb), image);
    }
    refill.execute(() -> makeSpare(sizeMb));
  }

  private void makeSpare(int sizeMb) {
    if (spares.containsKey(sizeMb)) {
      return;
    }
    try {
      Files.createDirectories(spareDir);
      Path next = spareDir.resolve(sizeMb + "-" + UUID.randomUUID() + ".img");
      copy(template(sizeMb), next);
      spares.put(sizeMb, next);
    } catch (IOException | RuntimeException e) {
      // the next environment of this size copies its image itself
    }
  }

  private static void copy(Path template, Path image) {
    run(
        List.of("cp", "--sparse=always", template.toString(), image.toString()),
        "copy the /tmp image");
  }

  /**
   * Mounts image $1 on /tmp, keeps directory $3 (when given) visible at its path by binding the
   * covered directory, which the shell still has as its working directory, then (for an environment
   * of its own user $4) gives /tmp to that user and mounts what fstab $5 lists (the code, the
   * runtimes and a language home, read-only: one {@code mount} process for all, about 2 ms less per
   * bind than one each), writes the time to marker $2 and runs the rest of the command line in the
   * original working directory (or in / when the new /tmp hides it).
   */
  private static final String MOUNT_SCRIPT =
      "here=$PWD; if [ -n \"$3\" ]; then cd \"$3\" || exit 1; fi"
          + " && mount -o loop,nosuid,nodev \"$1\" /tmp"
          + " && if [ -n \"$3\" ]; then mkdir -p \"$3\""
          + " && mount --no-canonicalize --bind . \"$3\"; fi"
          + " && { cd \"$here\" 2>/dev/null || cd /; }"
          + " && if [ -n \"$4\" ]; then install -d -o \"$4\" -g \"$4\" -m 0700 /tmp"
          + " && mount --all --fstab \"$5\" && cd /var/task; fi"
          + " && echo \"$EPOCHREALTIME\" > \"$2\" && shift 5 && exec \"$@\"";

  /** The read-only binds of an environment of its own user, in fstab(5) form. */
  private static void writeFstab(Path fstab, Isolation isolation) {
    StringBuilder lines = new StringBuilder();
    bind(lines, isolation.codeDir(), Isolation.TASK_ROOT);
    bind(lines, isolation.runtimesDir(), Isolation.RUNTIME_DIR);
    if (isolation.languageHome() != null) {
      bind(lines, isolation.languageHome(), Isolation.LANGUAGE_HOME);
    }
    try {
      Files.writeString(fstab, lines.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + fstab, e);
    }
  }

  private static void bind(StringBuilder lines, Path source, Path target) {
    lines
        .append(fstabField(source.toString()))
        .append(' ')
        .append(fstabField(target.toString()))
        .append(" none bind,ro,nosuid,nodev 0 0\n");
  }

  /** A path as fstab(5) spells it: blanks and backslashes as octal escapes. */
  static String fstabField(String path) {
    return path.replace("\\", "\\134")
        .replace(" ", "\\040")
        .replace("\t", "\\011")
        .replace("\n", "\\012");
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public String description() {
    return "a loop-mounted ext4 image per environment on a private /tmp";
  }

  /**
   * Image size for {@code sizeMb} usable megabytes: ext4 keeps about 2% for its own tables, and a
   * few megabytes more on small file systems.
   */
  static long imageMb(int sizeMb) {
    return sizeMb + (long) Math.ceil(sizeMb * 0.025) + 8;
  }

  private synchronized Path template(int sizeMb) {
    Path template = templates.resolve("tmp-" + sizeMb + "mb.ext4");
    if (Files.exists(template)) {
      return template;
    }
    Path partial = templates.resolve("tmp-" + sizeMb + "mb.ext4.partial");
    try {
      Files.createDirectories(templates);
      Files.deleteIfExists(partial);
      try (var file = new java.io.RandomAccessFile(partial.toFile(), "rw")) {
        file.setLength(imageMb(sizeMb) * 1024 * 1024);
      }
      run(
          List.of(
              mkfs,
              "-q",
              "-F",
              "-m",
              "0",
              "-O",
              "^has_journal",
              "-E",
              "lazy_itable_init=1,lazy_journal_init=1",
              partial.toString()),
          "make the " + sizeMb + " MB /tmp file system");
      // Lambda's /tmp starts empty and anyone may write to it
      run(
          List.of(debugfs, "-w", "-R", "rmdir lost+found", partial.toString()),
          "empty the /tmp file system");
      run(
          List.of(debugfs, "-w", "-R", "set_inode_field / mode 041777", partial.toString()),
          "open the /tmp file system to every user");
      Files.move(partial, template);
      return template;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the /tmp image " + template, e);
    }
  }

  private static void run(List<String> command, String what) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(COMMAND_LIMIT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("cannot " + what + ": it did not finish");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "cannot "
                + what
                + ": "
                + new String(output, StandardCharsets.UTF_8).strip()
                + " (exit status "
                + process.exitValue()
                + ")");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while trying to " + what, e);
    }
  }

  /** The tool's path, looking in the system directories a non-login PATH may lack. */
  private static String tool(String name) {
    List<String> dirs = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty()) {
        dirs.add(dir);
      }
    }
    dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
    for (String dir : dirs) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  private static void deleteTree(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a leftover probe directory is harmless
    }
  }
}
