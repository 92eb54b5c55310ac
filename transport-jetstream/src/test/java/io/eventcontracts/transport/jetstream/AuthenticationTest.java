package io.eventcontracts.transport.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.spi.OutboundMessage;
import io.eventcontracts.testing.NatsServerRunner;
import io.nats.client.NKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The auth settings reach the server: right secrets connect and publish, wrong ones fail as NOT_CONNECTED. */
class AuthenticationTest {

  private static JetStreamOptions.Builder options(NatsServerRunner server) {
    return JetStreamOptions.builder().servers(server.url()).subjects("auth:test")
        .connectTimeout(Duration.ofSeconds(1)).maxReconnects(0);
  }

  private static void publishOnce(JetStreamTransport t) throws Exception {
    OutboundMessage m = new OutboundMessage("auth:test", "{}".getBytes(StandardCharsets.UTF_8), Map.of(), "1");
    assertThat(t.publish(m).get(5, TimeUnit.SECONDS).sequence()).isEqualTo(1);
  }

  @Test
  void userAndPassword() throws Exception {
    try (NatsServerRunner server = NatsServerRunner.start("--user", "svc", "--pass", "s3cret")) {
      try (JetStreamTransport t = JetStreamTransport.connect(
          options(server).userInfo("svc", "s3cret".toCharArray()).build())) {
        publishOnce(t);
      }
      assertThatThrownBy(() -> JetStreamTransport.connect(
          options(server).userInfo("svc", "wrong".toCharArray()).build()))
          .isInstanceOfSatisfying(EventException.class,
              e -> assertThat(e.kind()).isEqualTo(EventException.Kind.NOT_CONNECTED));
    }
  }

  @Test
  void token() throws Exception {
    try (NatsServerRunner server = NatsServerRunner.start("--auth", "t0ken")) {
      try (JetStreamTransport t = JetStreamTransport.connect(options(server).token("t0ken".toCharArray()).build())) {
        publishOnce(t);
      }
    }
  }

  @Test
  void nkeySeedFile(@TempDir Path dir) throws Exception {
    NKey user = NKey.createUser(null);
    Path config = dir.resolve("nkey.conf");
    Files.writeString(config, "authorization { users = [ { nkey: \"" + new String(user.getPublicKey()) + "\" } ] }\n");
    Path seed = dir.resolve("user.nk");
    Files.writeString(seed, new String(user.getSeed()) + "\n");
    try (NatsServerRunner server = NatsServerRunner.start("-c", config.toString())) {
      try (JetStreamTransport t = JetStreamTransport.connect(options(server).nkeySeedFile(seed).build())) {
        publishOnce(t);
      }
      assertThatThrownBy(() -> JetStreamTransport.connect(options(server).build()))
          .isInstanceOfSatisfying(EventException.class,
              e -> assertThat(e.kind()).isEqualTo(EventException.Kind.NOT_CONNECTED));
    }
  }
}
