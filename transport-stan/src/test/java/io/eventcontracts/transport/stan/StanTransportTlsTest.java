package io.eventcontracts.transport.stan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.eventcontracts.runtime.spi.OutboundMessage;
import io.eventcontracts.runtime.PublishAck;
import io.eventcontracts.runtime.spi.SubscriptionRequest;
import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.transport.stan.internal.StanFailures;
import io.eventcontracts.testing.TestCertificates;
import io.eventcontracts.testing.stan.StanProtocolTestDouble;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code StanOptions.sslContext} reaches a TLS-only nats-server: the STAN protocol double and the transport both
 * connect over TLS, trusting a throwaway CA created in a temp dir (never checked in).
 */
class StanTransportTlsTest {

  private static final String CLUSTER = "ticketing";
  private static final String SUBJECT = "ticket:created";

  @Test
  void publishesAndReceivesOverTls(@TempDir Path pki) throws Exception {
    TestCertificates certs = TestCertificates.create(pki);
    try (NatsServerRunner nats = NatsServerRunner.start(certs.serverTlsArgs())) {
      String tlsUrl = "tls://127.0.0.1:" + nats.port();
      try (StanProtocolTestDouble stan = StanProtocolTestDouble.start(new io.nats.client.Options.Builder()
              .server(tlsUrl).sslContext(certs.clientSslContext()).connectionName("stan-test-double")
              .maxReconnects(-1).build(), CLUSTER);
          StanTransport t = StanTransport.connect(StanOptions.builder().clusterId(CLUSTER).server(tlsUrl)
              .sslContext(certs.clientSslContext()).serviceName("tls-test")
              .connectWait(Duration.ofSeconds(3)).pubAckWait(Duration.ofSeconds(5)).build())) {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        t.subscribe(new SubscriptionRequest(SUBJECT, "tls-service", "tls-service", Duration.ofSeconds(5), 10, true,
            5), m -> {
              received.add(new String(m.payload(), StandardCharsets.UTF_8));
              m.ack();
            });

        PublishAck ack = t.publish(new OutboundMessage(SUBJECT, "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8),
            Map.of(), "tls-1")).get(5, TimeUnit.SECONDS);

        assertThat(ack.subject()).isEqualTo(SUBJECT);
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"id\":\"1\"}");
        assertThat(stan.knowsClient(t.clientId())).isTrue();

        // the server is TLS-only, so the same options without the TLS context cannot connect
        Throwable withoutTls = catchThrowable(() -> StanTransport.connect(StanOptions.builder().clusterId(CLUSTER)
            .server(tlsUrl).connectWait(Duration.ofMillis(500)).build()).close());
        assertThat(StanFailures.kindOf(withoutTls)).isEqualTo("NOT_CONNECTED");
      }
    }
  }
}
