package io.powertune.platform.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Who is at the other end of a loopback TCP connection: the kernel lists every socket of the
 * network namespace in {@code /proc/net/tcp} with the uid that owns it, so the client socket of an
 * accepted connection (local port = the client's, remote port = the server's) names its user.
 */
final class LoopbackPeers {

  /** IPv4 sockets, and IPv6 ones (a dual-stack socket reaches 127.0.0.1 as ::ffff:127.0.0.1). */
  private static final List<Path> TABLES =
      List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

  /** 127.0.0.1 as the kernel prints it (little-endian hex), with the port's separator. */
  private static final String LOOPBACK = "0100007F:";

  /** ::ffff:127.0.0.1 as the kernel prints it in the IPv6 table. */
  private static final String MAPPED_LOOPBACK = "0000000000000000FFFF0000" + LOOPBACK;

  private LoopbackPeers() {}

  /**
   * The uid owning the client socket of a connection from {@code clientPort} to {@code serverPort}.
   */
  static OptionalInt ownerOf(int clientPort, int serverPort) {
    for (Path table : TABLES) {
      String prefix = table.getFileName().toString().equals("tcp6") ? MAPPED_LOOPBACK : LOOPBACK;
      OptionalInt owner = find(table, prefix + hexPort(clientPort), prefix + hexPort(serverPort));
      if (owner.isPresent()) {
        return owner;
      }
    }
    return OptionalInt.empty();
  }

  private static OptionalInt find(Path table, String local, String remote) {
    List<String> lines;
    try {
      lines = Files.readAllLines(table);
    } catch (IOException e) {
      return OptionalInt.empty(); // no such table (IPv6 off)
    }
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length > 7 && fields[1].equals(local) && fields[2].equals(remote)) {
        return OptionalInt.of(Integer.parseInt(fields[7]));
      }
    }
    return OptionalInt.empty();
  }

  private static String hexPort(int port) {
    return String.format(Locale.ROOT, "%04X", port);
  }
}
