package io.eventcontracts.transport.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.spi.OutboundMessage;
import io.eventcontracts.testing.NatsServerRunner;
import io.nats.client.NKey;
import io.nats.client.support.JwtUtils;
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
              e -> assertThat(e.kind()).isEqualTo(EventException.Kind.NOT_CONNECTED))
          .hasMessageContaining("Authorization Violation");
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

  /**
   * A {@code .creds} file in operator (decentralised JWT) mode, built in the test without {@code nsc}: operator and
   * account JWTs issued with jnats' {@link JwtUtils}, the account preloaded into a MEMORY resolver with JetStream
   * limits, the user JWT signed by the account. All keys are throwaway, created in the temp dir.
   */
  @Test
  void credentialsFile(@TempDir Path dir) throws Exception {
    NKey operator = NKey.createOperator(null);
    NKey account = NKey.createAccount(null);
    NKey system = NKey.createAccount(null); // JetStream refuses to start in operator mode without a system account
    NKey user = NKey.createUser(null);
    String operatorPub = new String(operator.getPublicKey());
    String accountPub = new String(account.getPublicKey());
    String systemPub = new String(system.getPublicKey());
    long now = JwtUtils.currentTimeSeconds();
    String operatorJwt = JwtUtils.issueJWT(operator, operatorPub, "test-operator", null, now, operatorPub, null,
        () -> "{\"type\":\"operator\",\"version\":2}");
    String accountJwt = JwtUtils.issueJWT(operator, accountPub, "test-account", null, now, operatorPub, null,
        () -> "{\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,\"exports\":-1,"
            + "\"wildcards\":true,\"conn\":-1,\"leaf\":-1,\"mem_storage\":-1,\"disk_storage\":-1,"
            + "\"streams\":-1,\"consumer\":-1},\"type\":\"account\",\"version\":2}");
    String systemJwt = JwtUtils.issueJWT(operator, systemPub, "SYS", null, now, operatorPub, null,
        () -> "{\"type\":\"account\",\"version\":2}");
    String userJwt = JwtUtils.issueUserJWT(account, accountPub, new String(user.getPublicKey()), "test-user");
    Path config = dir.resolve("operator.conf");
    Files.writeString(config, "operator: \"" + operatorJwt + "\"\nsystem_account: " + systemPub
        + "\nresolver: MEMORY\nresolver_preload: {\n  " + accountPub + ": \"" + accountJwt + "\"\n  " + systemPub
        + ": \"" + systemJwt + "\"\n}\n");
    Path creds = dir.resolve("user.creds");
    Files.writeString(creds, String.format(JwtUtils.NATS_USER_JWT_FORMAT, userJwt, new String(user.getSeed())));

    try (NatsServerRunner server = NatsServerRunner.start("-c", config.toString())) {
      try (JetStreamTransport t = JetStreamTransport.connect(options(server).credentialsFile(creds).build())) {
        publishOnce(t);
      }
      assertThatThrownBy(() -> JetStreamTransport.connect(options(server).build()))
          .isInstanceOfSatisfying(EventException.class,
              e -> assertThat(e.kind()).isEqualTo(EventException.Kind.NOT_CONNECTED));
    }
  }
}
