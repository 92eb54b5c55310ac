package io.eventcontracts.transport.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.spi.InboundMessage;
import io.eventcontracts.runtime.spi.OutboundMessage;
import io.eventcontracts.runtime.spi.SubscriptionRequest;
import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS settings reach a real TLS-only nats-server: a throwaway CA (created per test class in a temp dir, never
 * checked in) signs the server certificate for 127.0.0.1 and a client certificate for mutual TLS.
 */
class TlsTest {

  private static final String SUBJECT = "tls:test";

  @TempDir
  static Path pki;

  private static TestCertificates certs;

  @BeforeAll
  static void createCertificates() {
    certs = TestCertificates.create(pki);
  }

  private static String tlsUrl(NatsServerRunner server) {
    return "tls://127.0.0.1:" + server.port();
  }

  private static JetStreamOptions.Builder options(NatsServerRunner server) {
    return JetStreamOptions.builder().servers(tlsUrl(server)).subjects(SUBJECT)
        .connectTimeout(Duration.ofSeconds(2)).maxReconnects(0);
  }

  /** Publishes one message and receives it on a durable consumer. */
  private static void publishAndConsumeOne(JetStreamTransport t) throws Exception {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    t.subscribe(new SubscriptionRequest(SUBJECT, "tls-consumer", "tls-consumer", Duration.ofSeconds(5), 10, true, 5),
        m -> {
          received.add(new String(m.payload(), StandardCharsets.UTF_8));
          m.ack();
        });
    OutboundMessage m = new OutboundMessage(SUBJECT, "{\"over\":\"tls\"}".getBytes(StandardCharsets.UTF_8),
        Map.of(), "tls-1");
    assertThat(t.publish(m).get(5, TimeUnit.SECONDS).sequence()).isEqualTo(1);
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"over\":\"tls\"}");
  }

  private static EventException connectFailure(JetStreamOptions options) {
    Throwable error = catchThrowable(() -> JetStreamTransport.connect(options).close());
    assertThat(error).isInstanceOf(EventException.class);
    EventException e = (EventException) error;
    assertThat(e.kind()).isEqualTo(EventException.Kind.NOT_CONNECTED);
    return e;
  }

  @Test
  void truststoreConnectsToTlsServerAndPublishesAndConsumes() throws Exception {
    try (NatsServerRunner server = NatsServerRunner.start(certs.serverTlsArgs());
        JetStreamTransport t = JetStreamTransport.connect(
            options(server).truststore(certs.truststore(), certs.password()).build())) {
      assertThat(t.isConnected()).isTrue();
      publishAndConsumeOne(t);
    }
  }

  @Test
  void sslContextConnectsToTlsServer() throws Exception {
    try (NatsServerRunner server = NatsServerRunner.start(certs.serverTlsArgs());
        JetStreamTransport t = JetStreamTransport.connect(
            options(server).sslContext(certs.clientSslContext()).build())) {
      publishAndConsumeOne(t);
    }
  }

  @Test
  void withoutTruststoreTheServerCertificateIsRejectedAndTheMessageSaysWhy() {
    try (NatsServerRunner server = NatsServerRunner.start(certs.serverTlsArgs())) {
      EventException e = connectFailure(options(server).build());

      assertThat(e).hasMessageContaining(tlsUrl(server))
          .hasMessageContaining("TLS")
          .hasMessageContaining("PKIX path building failed")
          .hasMessageContaining("truststore(path, password)");
    }
  }

  @Test
  void mutualTlsWithKeystoreConnectsAndWithoutItFails() throws Exception {
    try (NatsServerRunner server = NatsServerRunner.start(certs.serverMutualTlsArgs())) {
      try (JetStreamTransport t = JetStreamTransport.connect(options(server)
          .truststore(certs.truststore(), certs.password())
          .keystore(certs.clientKeystore(), certs.password()).build())) {
        publishAndConsumeOne(t);
      }

      EventException e = connectFailure(options(server).truststore(certs.truststore(), certs.password()).build());
      assertThat(e).hasMessageContaining(tlsUrl(server)).hasMessageContaining("--tlsverify")
          .hasMessageContaining("keystore(path, password)");
    }
  }
}
