package io.eventcontracts.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Nats;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NatsServerRunnerTest {

  @Test
  void startsAJetStreamServerOnLoopbackAndCleansUpOnClose() throws Exception {
    Path store;
    try (NatsServerRunner server = NatsServerRunner.start()) {
      store = server.storeDir();
      assertThat(server.url()).startsWith("nats://127.0.0.1:");
      try (Connection connection = Nats.connect(server.url())) {
        assertThat(connection.getServerInfo().isJetStreamAvailable()).isTrue();
      }
    }
    assertThat(Files.exists(store)).isFalse();
  }

  @Test
  void restartKeepsPortAndStore() throws Exception {
    try (NatsServerRunner server = NatsServerRunner.start()) {
      int port = server.port();
      server.restart();
      assertThat(server.isRunning()).isTrue();
      assertThat(server.port()).isEqualTo(port);
      try (Connection connection = Nats.connect(server.url())) {
        assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
      }
    }
  }
}
