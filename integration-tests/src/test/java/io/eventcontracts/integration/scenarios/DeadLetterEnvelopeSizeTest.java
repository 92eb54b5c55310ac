package io.eventcontracts.integration.scenarios;

import static io.eventcontracts.integration.backend.Waits.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.integration.backend.Waits;
import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.ListenOptions;
import io.eventcontracts.runtime.SubjectMetrics;
import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.ticketing.EventTypes;
import io.eventcontracts.transport.jetstream.JetStreamOptions;
import io.eventcontracts.transport.jetstream.JetStreamTransport;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression test: a payload well under the 1 MiB receive limit whose bytes expand when written as JSON text (control
 * characters become six-character escapes, bytes that are not UTF-8 become U+FFFD) once produced a dead-letter envelope
 * over nats-server's default 1 MiB {@code max_payload}; the dead-letter publish was refused, the original never acked
 * and redelivered every ack wait forever. {@code DeadLetters.envelope} now bounds the envelope (drops
 * {@code payloadText}, keeps the exact {@code payloadBase64}), so such a message is dead-lettered once and acked.
 */
class DeadLetterEnvelopeSizeTest {

  private NatsServerRunner server;
  private EventClient client;

  @BeforeEach
  void start() {
    server = NatsServerRunner.start(); // default max_payload: 1 MiB, as in production
    client = EventClient.create(JetStreamTransport.connect(JetStreamOptions.builder()
        .servers(server.url()).serviceName("orders").subjects(List.of("ticket:created"))
        .drainTimeout(Duration.ofSeconds(2)).build()), ClientOptions.builder().closeOnShutdown(false).build());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @ParameterizedTest(name = "300,000 bytes of 0x{0}")
  @ValueSource(strings = {"01", "FF"})
  void payloadThatExpandsAsJsonTextIsStillDeadLetteredOnceAndAcked(String hexByte) throws Exception {
    AtomicInteger handled = new AtomicInteger();
    client.subscribe(EventTypes.TICKET_CREATED, ListenOptions.builder("orders-service")
        .ackWait(Duration.ofSeconds(1)).build(), (event, context) -> handled.incrementAndGet());
    byte[] payload = new byte[300_000];
    Arrays.fill(payload, (byte) Integer.parseInt(hexByte, 16));
    try (Connection raw = Nats.connect(server.url())) {
      raw.publish("ticket:created", payload);
      raw.flush(Duration.ofSeconds(2));
    }

    await("the dead letter", () -> client.metrics().forSubject("ticket:created").acked() >= 1,
        () -> client.metrics().forSubject("ticket:created"));
    Waits.sleep(RuntimeScenarios.SETTLE);

    assertThat(handled).hasValue(0);
    assertThat(client.metrics().forSubject("ticket:created"))
        .isEqualTo(new SubjectMetrics("ticket:created", 0, 1, 1, 0, 1, 1, 0));
  }
}
