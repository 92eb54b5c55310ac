package io.eventcontracts.transport.jetstream.e2e;

import java.math.BigDecimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.ListenOptions;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.runtime.PublishAck;
import io.eventcontracts.ticketing.EventTypes;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import io.eventcontracts.transport.jetstream.JetStreamOptions;
import io.eventcontracts.transport.jetstream.JetStreamTransport;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** EventClient over the JetStream transport, with the generated ticketing events and their bundled contracts. */
class EventClientEndToEndTest {

  static final io.eventcontracts.runtime.EventType<TicketCreatedEvent> TICKET_CREATED = EventTypes.TICKET_CREATED;

  @RegisterExtension
  final JetStreamClientFixture nats = JetStreamClientFixture.forService("e2e");

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    JetStreamClientFixture.await(what, 10, condition);
  }

  @Test
  void validEventRoundTrips() throws Exception {
    List<TicketCreatedEvent> received = new CopyOnWriteArrayList<>();
    List<MessageContext> contexts = new CopyOnWriteArrayList<>();
    nats.client().subscribe(TICKET_CREATED,
        ListenOptions.builder("orders-service").ackWait(Duration.ofSeconds(1)).build(),
        (event, context) -> {
          received.add(event);
          contexts.add(context);
          context.ack();
        });
    TicketCreatedEvent sent = new TicketCreatedEvent("t1", 0L, "concert", new BigDecimal("20.0"), "u1");
    PublishAck ack = nats.client().publish(TICKET_CREATED, sent).get(5, TimeUnit.SECONDS);
    assertThat(ack.sequence()).isEqualTo(1);
    assertThat(ack.stream()).isEqualTo("EVENTCONTRACTS");
    await("delivery", () -> received.size() == 1);
    Thread.sleep(1500); // acked: no redelivery after the 1 s ack wait
    assertThat(received).containsExactly(sent);
    assertThat(contexts.get(0).headers())
        .containsEntry("Ec-Contract", TICKET_CREATED.contractId() + "@" + TICKET_CREATED.contractVersion())
        .doesNotContainKey("Content-Type") // JSON: a delivery naming its contract without a content type
        .doesNotContainKey("Nats-Msg-Id"); // no de-duplication key unless the publisher asks for one
    assertThat(contexts.get(0).deliveryCount()).isEqualTo(1);
  }

  @Test
  void aDeduplicationKeyStoresARetriedPublishOnce() throws Exception {
    TicketCreatedEvent event = new TicketCreatedEvent("t1", 0L, "concert", new BigDecimal("20.0"), "u1");
    PublishAck first = nats.client().publish(TICKET_CREATED, event, "t1:0").get(5, TimeUnit.SECONDS);
    PublishAck retry = nats.client().publish(TICKET_CREATED, event, "t1:0").get(5, TimeUnit.SECONDS);
    PublishAck other = nats.client().publish(TICKET_CREATED, event).get(5, TimeUnit.SECONDS);

    assertThat(first.duplicate()).isFalse();
    assertThat(retry.duplicate()).isTrue();
    assertThat(retry.sequence()).isEqualTo(first.sequence());
    assertThat(other.duplicate()).isFalse();
    assertThat(other.sequence()).isEqualTo(first.sequence() + 1);
  }

  @Test
  void invalidEventIsRefusedOnPublish() {
    TicketCreatedEvent invalid = new TicketCreatedEvent("", -1L, "concert", new BigDecimal("-5.0"), "u1");
    assertThatThrownBy(() -> nats.client().publish(TICKET_CREATED, invalid).get(5, TimeUnit.SECONDS))
        .satisfies(e -> {
          Throwable t = e instanceof EventException ? e : e.getCause();
          assertThat(t).isInstanceOf(EventException.class);
          assertThat(((EventException) t).kind()).isEqualTo(EventException.Kind.INVALID_PAYLOAD);
        });
  }

  @Test
  void invalidInboundMessageIsDeadLetteredAndNeverHandled() throws Exception {
    List<TicketCreatedEvent> received = new CopyOnWriteArrayList<>();
    nats.client().subscribe(TICKET_CREATED,
        ListenOptions.builder("orders-service").ackWait(Duration.ofSeconds(1)).build(),
        (event, context) -> {
          received.add(event);
          context.ack();
        });
    String invalid = "{\"id\":\"t2\",\"version\":0,\"title\":\"concert\",\"price\":-1,\"userId\":\"u1\"}";
    try (Connection seed = Nats.connect(nats.server().url())) {
      // a seed-style publisher: bare JSON, no headers, core NATS
      seed.publish("ticket:created", invalid.getBytes(StandardCharsets.UTF_8));
      seed.flush(Duration.ofSeconds(2));
      await("dead letter", () -> deadLetters(seed) == 1);
      MessageInfo dead = seed.jetStreamManagement().getLastMessage("EVENTCONTRACTS_DEADLETTER",
          "deadletter.ticket:created");
      String envelope = new String(dead.getData(), StandardCharsets.UTF_8);
      assertThat(envelope).contains("INVALID_PAYLOAD").contains("ticket:created").contains("/price");
      Thread.sleep(1500); // acked after dead-lettering: not redelivered, not dead-lettered twice
      assertThat(deadLetters(seed)).isEqualTo(1);
    }
    assertThat(received).isEmpty();
  }

  @Test
  void theDeadLetterPrefixIsConfiguredOnceOnTheTransport() throws Exception {
    JetStreamOptions custom = JetStreamOptions.builder().servers(nats.server().url()).serviceName("dlq-owner")
        .subjects(List.of("ticket:created")).deadLetterStreamName("DLQ2").deadLetterSubjectPrefix("dlq.").build();
    try (EventClient owner = EventClient.create(JetStreamTransport.connect(custom),
        ClientOptions.builder().closeOnShutdown(false).build());
        Connection seed = Nats.connect(nats.server().url())) {
      owner.subscribe(TICKET_CREATED, ListenOptions.of("dlq-owner"), (event, context) -> context.ack());
      seed.publish("ticket:created", "{}".getBytes(StandardCharsets.UTF_8));
      await("dead letter in DLQ2", () -> {
        try {
          return seed.jetStreamManagement().getStreamInfo("DLQ2").getStreamState().getMsgCount() == 1;
        } catch (Exception e) {
          return false;
        }
      });
      assertThat(seed.jetStreamManagement().getLastMessage("DLQ2", "dlq.ticket:created")).isNotNull();
    }
  }

  private static long deadLetters(Connection c) {
    try {
      return c.jetStreamManagement().getStreamInfo("EVENTCONTRACTS_DEADLETTER").getStreamState().getMsgCount();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
