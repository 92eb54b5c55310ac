package io.eventcontracts.transport.stan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.Options;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The NATS Streaming options without a broker: documented defaults, every refusal with its message, the client id
 * made from the service name, and the jnats connection options built from them.
 */
class StanOptionsBuilderTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    StanOptions o = StanOptions.builder().build();

    assertThat(o.clusterId()).isEqualTo("test-cluster");
    assertThat(o.serviceName()).isEqualTo("eventcontracts");
    assertThat(o.servers()).containsExactly("nats://localhost:4222");
    assertThat(o.connection()).isNull();
    assertThat(o.connectWait()).isEqualTo(Duration.ofSeconds(2));
    assertThat(o.pubAckWait()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.pingInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.maxPingsOut()).isEqualTo(3);
    assertThat(o.maxPubAcksInFlight()).isEqualTo(16_384);
    assertThat(o.discoverPrefix()).isEqualTo("_STAN.discover");
    assertThat(o.sslContext()).isNull();
  }

  @Test
  void everySettingIsKept() throws Exception {
    SSLContext tls = SSLContext.getDefault();
    StanOptions o = StanOptions.builder().clusterId("c1").clientId("me").serviceName("orders")
        .servers(List.of("nats://a:1", "nats://b:2")).connectWait(Duration.ofMillis(1))
        .pubAckWait(Duration.ofMillis(2)).pingInterval(Duration.ofMillis(3)).maxPingsOut(1).maxPubAcksInFlight(1)
        .discoverPrefix("_X.discover").sslContext(tls).build();

    assertThat(o.clusterId()).isEqualTo("c1");
    assertThat(o.clientId()).isEqualTo("me");
    assertThat(o.serviceName()).isEqualTo("orders");
    assertThat(o.servers()).containsExactly("nats://a:1", "nats://b:2");
    assertThat(o.connectWait()).isEqualTo(Duration.ofMillis(1));
    assertThat(o.pubAckWait()).isEqualTo(Duration.ofMillis(2));
    assertThat(o.pingInterval()).isEqualTo(Duration.ofMillis(3));
    assertThat(o.maxPingsOut()).isEqualTo(1);
    assertThat(o.maxPubAcksInFlight()).isEqualTo(1);
    assertThat(o.discoverPrefix()).isEqualTo("_X.discover");
    assertThat(o.sslContext()).isSameAs(tls);
    assertThat(o.toString()).isEqualTo("StanOptions{clusterId=c1, clientId=me, servers=[nats://a:1, nats://b:2], "
        + "connectWait=PT0.001S, pubAckWait=PT0.002S, pingInterval=PT0.003S, maxPingsOut=1}");
  }

  @Test
  void withoutAClientIdEachOptionsGetsAUniqueOneMadeFromTheServiceName() {
    String a = StanOptions.builder().serviceName("orders service/v2").build().clientId();
    String b = StanOptions.builder().serviceName("orders service/v2").build().clientId();

    assertThat(a).matches("orders-service-v2-[0-9a-f]{22}");
    assertThat(a).isNotEqualTo(b);
    assertThat(StanOptions.randomClientId("a_b-C9")).startsWith("a_b-C9-").hasSize("a_b-C9-".length() + 22);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void countsBelowOneAreRefused(int n) {
    assertThatThrownBy(() -> StanOptions.builder().maxPingsOut(n)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxPingsOut must be at least 1, was " + n);
    assertThatThrownBy(() -> StanOptions.builder().maxPubAcksInFlight(n))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxPubAcksInFlight must be at least 1, was " + n);
  }

  @Test
  void durationsMustBePositive() {
    for (Duration d : new Duration[] {Duration.ZERO, Duration.ofMillis(-1), null}) {
      assertThatThrownBy(() -> StanOptions.builder().connectWait(d)).hasMessage("connectWait must be positive, was "
          + d);
      assertThatThrownBy(() -> StanOptions.builder().pubAckWait(d)).hasMessage("pubAckWait must be positive, was "
          + d);
      assertThatThrownBy(() -> StanOptions.builder().pingInterval(d))
          .hasMessage("pingInterval must be positive, was " + d);
    }
    assertThat(StanOptions.builder().connectWait(Duration.ofNanos(1)).build().connectWait())
        .isEqualTo(Duration.ofNanos(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " "})
  void textsMustNotBeBlank(String blank) {
    assertThatThrownBy(() -> StanOptions.builder().clusterId(blank)).hasMessage("clusterId must not be blank");
    assertThatThrownBy(() -> StanOptions.builder().clientId(blank)).hasMessage("clientId must not be blank");
    assertThatThrownBy(() -> StanOptions.builder().serviceName(blank)).hasMessage("serviceName must not be blank");
    assertThatThrownBy(() -> StanOptions.builder().server(blank)).hasMessage("url must not be blank");
    assertThatThrownBy(() -> StanOptions.builder().userInfo(blank, new char[0])).hasMessage("user must not be blank");
    assertThatThrownBy(() -> StanOptions.builder().discoverPrefix(blank))
        .hasMessage("discoverPrefix must not be blank");
    assertThatThrownBy(() -> StanOptions.builder().clusterId(null)).hasMessage("clusterId must not be blank");
  }

  @Test
  void theNatsConnectionCarriesServersNameTimeoutAndEndlessReconnects() {
    Options n = StanOptions.builder().clientId("me").server("nats://127.0.0.1:4333")
        .connectWait(Duration.ofMillis(700)).build().natsConnectionOptions();

    assertThat(n.getServers()).containsExactly(URI.create("nats://127.0.0.1:4333"));
    assertThat(n.getConnectionName()).isEqualTo("me");
    assertThat(n.getConnectionTimeout()).isEqualTo(Duration.ofMillis(700));
    assertThat(n.getMaxReconnect()).isEqualTo(-1);
    assertThat(n.getReconnectWait()).isEqualTo(Duration.ofMillis(250));
    assertThat(n.getUsernameChars()).isNull();
    assertThat(n.getTokenChars()).isNull();
    assertThat(n.getAuthHandler()).isNull();
    assertThat(n.isNoEcho()).isFalse();
  }

  @Test
  void credentialsAndTheCustomizerReachTheNatsConnection() throws Exception {
    char[] password = "secret".toCharArray();
    AuthHandler handler = new AuthHandler() {
      @Override public byte[] sign(byte[] nonce) { return new byte[0]; }
      @Override public char[] getID() { return new char[0]; }
      @Override public char[] getJWT() { return new char[0]; }
    };
    SSLContext tls = SSLContext.getDefault();

    Options n = StanOptions.builder().userInfo("alice", password).authHandler(handler)
        .sslContext(tls).natsOptions(b -> b.noEcho()).build().natsConnectionOptions();
    password[0] = 'X'; // the builder copied it
    char[] token = "tok".toCharArray();
    Options t = StanOptions.builder().token(token).build().natsConnectionOptions();
    token[0] = 'X';

    assertThat(new String(n.getUsernameChars())).isEqualTo("alice");
    assertThat(new String(n.getPasswordChars())).isEqualTo("secret");
    assertThat(new String(t.getTokenChars())).isEqualTo("tok");
    assertThat(t.getUsernameChars()).isNull();
    assertThat(n.getAuthHandler()).isSameAs(handler);
    assertThat(n.getSslContext()).isSameAs(tls);
    assertThat(n.isNoEcho()).isTrue();
  }

  @Test
  void aUserWithoutPasswordHasAnEmptyOne() {
    Options n = StanOptions.builder().userInfo("alice", null).build().natsConnectionOptions();

    assertThat(new String(n.getUsernameChars())).isEqualTo("alice");
    assertThat(n.getPasswordChars()).isEmpty();
  }

  @Test
  void anExistingConnectionAndACredentialsFileAreKept() {
    Connection shared = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> null);

    StanOptions o = StanOptions.builder().connection(shared).credentials(Path.of("user.creds")).build();

    assertThat(o.connection()).isSameAs(shared);
    assertThat(o.natsConnectionOptions().getAuthHandler()).isNotNull();
  }

  @Test
  void nullObjectsAreRefusedByName() {
    assertThatThrownBy(() -> StanOptions.builder().connection(null)).hasMessage("connection");
    assertThatThrownBy(() -> StanOptions.builder().token(null)).hasMessage("token");
    assertThatThrownBy(() -> StanOptions.builder().authHandler(null)).hasMessage("authHandler");
    assertThatThrownBy(() -> StanOptions.builder().sslContext(null)).hasMessage("sslContext");
    assertThatThrownBy(() -> StanOptions.builder().natsOptions(null)).hasMessage("customizer");
  }
}
