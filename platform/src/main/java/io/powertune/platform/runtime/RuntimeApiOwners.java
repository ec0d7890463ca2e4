package io.powertune.platform.runtime;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Request;

/**
 * Lets only an environment's own processes use its Runtime API: where the environment runs as a
 * user of its own, a connection is served only when its client socket belongs to that user (looked
 * up once per connection; runtimes keep theirs open).
 */
final class RuntimeApiOwners {

  private final Map<Connection, Boolean> decided = new ConcurrentHashMap<>();

  boolean allows(Request request, ExecutionEnvironment env) {
    OptionalInt uid = env.uid();
    if (uid.isEmpty()) {
      return true;
    }
    Connection connection = request.getConnectionMetaData().getConnection();
    Boolean known = decided.get(connection);
    if (known != null) {
      return known;
    }
    boolean allowed =
        LoopbackPeers.ownerOf(Request.getRemotePort(request), Request.getLocalPort(request))
            .equals(uid);
    decided.put(connection, allowed);
    connection.addEventListener(
        new Connection.Listener() {
          @Override
          public void onClosed(Connection closed) {
            decided.remove(closed);
          }
        });
    return allowed;
  }
}
