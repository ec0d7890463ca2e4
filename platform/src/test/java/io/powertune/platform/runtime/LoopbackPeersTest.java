package io.powertune.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.platform.resources.FunctionUsers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/** The kernel's socket tables name the user at the other end of a loopback connection. */
class LoopbackPeersTest {

  @Test
  void ownerOf_aDualStackClient_isThisProcesssUser() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        Socket client = new Socket("127.0.0.1", server.getLocalPort());
        Socket accepted = server.accept()) {

      assertThat(accepted.getPort()).isEqualTo(client.getLocalPort());
      assertThat(LoopbackPeers.ownerOf(accepted.getPort(), server.getLocalPort()))
          .hasValue(FunctionUsers.currentUid());
    }
  }

  @Test
  void ownerOf_anIpv4OnlyClient_isThisProcesssUser() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        SocketChannel client = SocketChannel.open(StandardProtocolFamily.INET)) {
      client.connect(new InetSocketAddress("127.0.0.1", server.getLocalPort()));
      try (Socket accepted = server.accept()) {

        assertThat(LoopbackPeers.ownerOf(accepted.getPort(), server.getLocalPort()))
            .hasValue(FunctionUsers.currentUid());
      }
    }
  }

  @Test
  void ownerOf_noSuchConnection_isEmpty() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThat(LoopbackPeers.ownerOf(1, server.getLocalPort())).isEmpty();
    }
  }
}
