package io.eventcontracts.transport.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** Every builder setting is kept as given (and secrets copied), and out-of-range values are refused at the edge. */
class JetStreamOptionsBuilderTest {

  @Test
  void everySettingIsReadBackAsGiven() throws Exception {
    char[] password = "secret".toCharArray();
    SSLContext ssl = SSLContext.getDefault();
    Consumer<io.nats.client.Options.Builder> customizer = b -> {};
    JetStreamOptions o = JetStreamOptions.builder()
        .servers(List.of(" nats://a:4222 ", "nats://b:4222"))
        .serviceName("orders")
        .connectionName("orders-1")
        .userInfo("alice", password)
        .token("tok".toCharArray())
        .credentialsFile(Path.of("a.creds"))
        .sslContext(ssl)
        .truststore(Path.of("trust.p12"), "tp".toCharArray())
        .keystore(Path.of("key.p12"), null)
        .connectTimeout(Duration.ofSeconds(7))
        .maxReconnects(0)
        .reconnectWait(Duration.ZERO)
        .natsOptions(customizer)
        .streamName("TICKETS")
        .subjects("ticket:created", "order:created")
        .deadLetterStreamName("TICKETS_DLQ")
        .deadLetterSubjectPrefix("dlq.")
        .createStreams(false)
        .storage(JetStreamOptions.Storage.MEMORY)
        .replicas(5)
        .duplicateWindow(Duration.ofMinutes(1))
        .maxAge(Duration.ofDays(1))
        .publishTimeout(Duration.ofSeconds(3))
        .drainTimeout(Duration.ofSeconds(4))
        .pullExpiry(Duration.ofSeconds(1))
        .build();
    password[0] = 'X'; // the builder keeps its own copy

    assertThat(o.servers()).containsExactly("nats://a:4222", "nats://b:4222");
    assertThat(o.serviceName()).isEqualTo("orders");
    assertThat(o.connectionName()).isEqualTo("orders-1");
    assertThat(o.user()).isEqualTo("alice");
    assertThat(o.password()).containsExactly("secret".toCharArray());
    assertThat(o.token()).containsExactly("tok".toCharArray());
    assertThat(o.credentialsFile()).isEqualTo(Path.of("a.creds"));
    assertThat(o.nkeySeedFile()).isNull();
    assertThat(o.sslContext()).isSameAs(ssl);
    assertThat(o.truststorePath()).isEqualTo(Path.of("trust.p12"));
    assertThat(o.truststorePassword()).containsExactly("tp".toCharArray());
    assertThat(o.keystorePath()).isEqualTo(Path.of("key.p12"));
    assertThat(o.keystorePassword()).isNull();
    assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(o.maxReconnects()).isZero();
    assertThat(o.reconnectWait()).isEqualTo(Duration.ZERO);
    assertThat(o.natsOptionsCustomizer()).isSameAs(customizer);
    assertThat(o.streamName()).isEqualTo("TICKETS");
    assertThat(o.subjects()).containsExactlyInAnyOrder("ticket:created", "order:created");
    assertThat(o.deadLetterStreamName()).isEqualTo("TICKETS_DLQ");
    assertThat(o.deadLetterSubjectPrefix()).isEqualTo("dlq.");
    assertThat(o.createStreams()).isFalse();
    assertThat(o.storage()).isEqualTo(JetStreamOptions.Storage.MEMORY);
    assertThat(o.replicas()).isEqualTo(5);
    assertThat(o.duplicateWindow()).isEqualTo(Duration.ofMinutes(1));
    assertThat(o.maxAge()).isEqualTo(Duration.ofDays(1));
    assertThat(o.publishTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(o.drainTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(o.pullExpiry()).isEqualTo(Duration.ofSeconds(1));
    assertThat(o.toString()).contains("servers=[nats://a:4222, nats://b:4222]", "stream=TICKETS")
        .doesNotContain("secret", "tok");
  }

  @Test
  void valuesOutOfRangeAreRefused() {
    JetStreamOptions.Builder b = JetStreamOptions.builder();
    assertThatThrownBy(() -> b.servers(" ")).hasMessage("server URL must not be blank");
    assertThatThrownBy(() -> b.maxReconnects(-2))
        .hasMessage("maxReconnects must be -1 (forever) or >= 0, was -2");
    assertThatThrownBy(() -> b.replicas(0)).hasMessage("replicas must be 1..5, was 0");
    assertThatThrownBy(() -> b.replicas(6)).hasMessage("replicas must be 1..5, was 6");
    assertThatThrownBy(() -> b.reconnectWait(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxAge(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.pullExpiry(Duration.ofMillis(999)))
        .hasMessage("pullExpiry must be at least 1 s, was PT0.999S");
    assertThatThrownBy(() -> b.deadLetterSubjectPrefix("dlq"))
        .hasMessage("deadLetterSubjectPrefix must end with '.', was dlq");
    assertThatThrownBy(() -> b.serviceName(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(JetStreamOptions.builder().maxReconnects(-1).build().maxReconnects()).isEqualTo(-1);
  }
}
