package io.powertune.platform.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;

/**
 * The unprivileged users functions run as: when the platform runs as root, every execution
 * environment gets a uid of its own from a reserved range (no account needs to exist for it), and
 * its processes start through {@code setpriv} with that uid, no supplementary groups, no
 * capabilities and no way to gain privileges. Elsewhere functions run as the platform's own user,
 * and {@link #description()} says why.
 */
public final class FunctionUsers {

  /** The first uid (and gid) handed out; the range is far above those of accounts and systemd. */
  public static final int FIRST_ID = 1_900_000_000;

  /** How many uids the range holds: more environments than a machine runs at once. */
  static final int RANGE = 65_536;

  private static final List<Path> SETPRIV =
      List.of(Path.of("/usr/bin/setpriv"), Path.of("/bin/setpriv"));

  private final String setpriv;
  private final String reason;
  private final BitSet taken = new BitSet(RANGE);

  /** Where the next search for a free uid starts: a released uid is the last to be handed again. */
  private int cursor;

  private FunctionUsers(String setpriv, String reason) {
    this.setpriv = setpriv;
    this.reason = reason;
  }

  /** Separate users when this process is root and {@code setpriv} is installed. */
  public static FunctionUsers detect() {
    if (currentUid() != 0) {
      return disabled("the platform does not run as root");
    }
    return SETPRIV.stream()
        .filter(Files::isExecutable)
        .findFirst()
        .map(p -> new FunctionUsers(p.toString(), null))
        .orElseGet(() -> disabled("setpriv (util-linux) is not installed"));
  }

  /** Functions run as the platform's user. */
  public static FunctionUsers disabled(String reason) {
    return new FunctionUsers(null, reason);
  }

  public boolean available() {
    return setpriv != null;
  }

  public String description() {
    return available()
        ? "each environment as its own unprivileged user (uids from " + FIRST_ID + ")"
        : "as the platform's own user: " + reason;
  }

  /** A free uid, or empty where users are not separated (or the range is used up). */
  public synchronized OptionalInt acquire() {
    if (!available()) {
      return OptionalInt.empty();
    }
    int index = taken.nextClearBit(cursor);
    if (index >= RANGE) {
      index = taken.nextClearBit(0);
      if (index >= RANGE) {
        return OptionalInt.empty();
      }
    }
    taken.set(index);
    cursor = (index + 1) % RANGE;
    return OptionalInt.of(FIRST_ID + index);
  }

  public synchronized void release(int uid) {
    if (uid >= FIRST_ID && uid < FIRST_ID + RANGE) {
      taken.clear(uid - FIRST_ID);
    }
  }

  /** The command prefix that runs what follows as {@code uid}, in group {@code uid} only. */
  public List<String> dropCommand(int uid) {
    return List.of(
        setpriv,
        "--reuid=" + uid,
        "--regid=" + uid,
        "--clear-groups",
        "--inh-caps=-all",
        "--bounding-set=-all",
        "--no-new-privs",
        "--");
  }

  /**
   * The entries of a search path ({@code PATH}) that a user with no rights of its own can reach:
   * every folder on the way is open to others. Tools installed in a private home (a pyenv under
   * /root, say) are left out, and the system's are found instead.
   */
  public static String reachable(String searchPath) {
    return java.util.Arrays.stream(searchPath.split(":"))
        .filter(entry -> !entry.isEmpty() && openToOthers(Path.of(entry)))
        .distinct()
        .collect(java.util.stream.Collectors.joining(":"));
  }

  private static boolean openToOthers(Path dir) {
    try {
      for (Path p = dir.toRealPath(); p != null; p = p.getParent()) {
        if (!Files.getPosixFilePermissions(p)
            .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
          return false;
        }
      }
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** The uid this process runs as. */
  public static int currentUid() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | UnsupportedOperationException e) {
      return -1;
    }
  }
}
