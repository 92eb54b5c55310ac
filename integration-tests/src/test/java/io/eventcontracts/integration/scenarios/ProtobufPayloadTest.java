package io.eventcontracts.integration.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.integration.backend.JetStreamBackend;
import io.eventcontracts.integration.backend.RawTap;
import io.eventcontracts.integration.backend.StanBackend;
import io.eventcontracts.integration.backend.Waits;
import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.ListenOptions;
import io.eventcontracts.runtime.PayloadFormat;
import io.eventcontracts.runtime.Subscription;
import io.eventcontracts.ticketing.EventTypes;
import io.eventcontracts.ticketing.PaymentCreatedEvent;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Events of a subject defined in Protobuf travel as JSON (the default) or as protobuf (per client), over a real
 * nats-server with JetStream: one listener receives the same event sent once in each format, told apart by the
 * Content-Type header, and a protobuf payload that cannot be parsed or breaks the contract is dead-lettered.
 */
class ProtobufPayloadTest {

  private static ClientOptions.Builder options() {
    return ClientOptions.builder().closeOnShutdown(false);
  }

  @Test
  void aListenerReceivesTheSameEventSentOnceAsJsonAndOnceAsProtobuf() throws Exception {
    try (JetStreamBackend backend = JetStreamBackend.start();
        EventClient asJson = EventClient.create(backend.connect("tickets-json"), options().build());
        EventClient asProtobuf = EventClient.create(backend.connect("tickets-proto"),
            options().payloadFormat("ticket:created", PayloadFormat.PROTOBUF).build());
        EventClient listening = EventClient.create(backend.connect("orders"), options().build());
        RawTap wire = backend.tap("ticket:created")) {
      BlockingQueue<TicketCreatedEvent> received = new LinkedBlockingQueue<>();
      Subscription subscription = listening.subscribe(EventTypes.TICKET_CREATED, ListenOptions.of("orders"),
          (event, context) -> {
            received.add(event);
            context.ack();
          });
      TicketCreatedEvent event = TicketCreatedEvent.builder().withId("t-1").withVersion(0L).withTitle("Concert")
          .withPrice(new BigDecimal("20.5")).withUserId("u-1").build();

      asJson.publish(EventTypes.TICKET_CREATED, event).get(10, TimeUnit.SECONDS);
      asProtobuf.publish(EventTypes.TICKET_CREATED, event).get(10, TimeUnit.SECONDS);

      TicketCreatedEvent first = received.poll(Waits.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      TicketCreatedEvent second = received.poll(Waits.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(first).isEqualTo(event);
      assertThat(second).isEqualTo(event);
      Waits.await("both payloads seen on the wire", () -> wire.size() >= 2, wire::size);
      List<byte[]> payloads = wire.payloads();
      assertThat(payloads).hasSize(2);
      assertThat(new String(payloads.get(0), StandardCharsets.UTF_8)).startsWith("{\"id\":\"t-1\"");
      byte[] protobuf = io.eventcontracts.ticketing.proto.TicketCreated.newBuilder().setId("t-1").setVersion(0)
          .setTitle("Concert").setPrice(20.5).setUserId("u-1").build().toByteArray();
      assertThat(payloads.get(1)).as("the protobuf encoding of the same event").isEqualTo(protobuf);
      assertThat(backend.deadLetters("ticket:created", 0)).isEmpty();
      subscription.close();
    }
  }

  /**
   * NATS Streaming has no headers: both sides use the subject's configured format (here protobuf), served by the
   * protocol test double over a real nats-server.
   */
  @Test
  void withoutHeadersTheSubjectsConfiguredFormatIsUsedOnBothSides() throws Exception {
    try (StanBackend backend = StanBackend.testDouble();
        EventClient publishing = EventClient.create(backend.connect("tickets"),
            options().payloadFormat("ticket:created", PayloadFormat.PROTOBUF).build());
        EventClient listening = EventClient.create(backend.connect("orders"),
            options().payloadFormat("ticket:created", PayloadFormat.PROTOBUF).build());
        RawTap wire = backend.tap("ticket:created")) {
      BlockingQueue<TicketCreatedEvent> received = new LinkedBlockingQueue<>();
      listening.subscribe(EventTypes.TICKET_CREATED, ListenOptions.of("orders"), (event, context) -> {
        received.add(event);
        context.ack();
      });
      TicketCreatedEvent event = TicketCreatedEvent.builder().withId("t-9").withVersion(3L).withTitle("Opera")
          .withPrice(new BigDecimal("99.5")).withUserId("u-9").build();
      publishing.publish(EventTypes.TICKET_CREATED, event).get(10, TimeUnit.SECONDS);
      assertThat(received.poll(Waits.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(event);
      Waits.await("the payload seen on the wire", () -> wire.size() >= 1, wire::size);
      byte[] protobuf = io.eventcontracts.ticketing.proto.TicketCreated.newBuilder().setId("t-9").setVersion(3)
          .setTitle("Opera").setPrice(99.5).setUserId("u-9").build().toByteArray();
      assertThat(wire.payloads().get(0)).as("the protobuf encoding, no header needed").isEqualTo(protobuf);
    }
  }

  @Test
  void unparseableOrInvalidProtobufPayloadsAreDeadLetteredWithReasons() throws Exception {
    try (JetStreamBackend backend = JetStreamBackend.start();
        EventClient listening = EventClient.create(backend.connect("orders"), options().build())) {
      BlockingQueue<PaymentCreatedEvent> received = new LinkedBlockingQueue<>();
      listening.subscribe(EventTypes.PAYMENT_CREATED, ListenOptions.of("orders"), (event, context) -> {
        received.add(event);
        context.ack();
      });
      Map<String, String> protobufHeaders = Map.of("Content-Type", PayloadFormat.PROTOBUF.contentType());
      backend.publishRaw("payment:created", new byte[] {(byte) 0xff, 0x01, 0x02}, protobufHeaders);
      // parses, but misses the required orderId: the JSON Schema derived from payments.proto rejects it
      backend.publishRaw("payment:created", io.eventcontracts.ticketing.proto.PaymentCreated.newBuilder()
          .setId("p-1").setStripeId("ch_1").build().toByteArray(), protobufHeaders);
      backend.publishRaw("payment:created", io.eventcontracts.ticketing.proto.PaymentCreated.newBuilder()
          .setId("p-2").setOrderId("o-2").setStripeId("ch_2").build().toByteArray(), protobufHeaders);

      PaymentCreatedEvent valid = received.poll(Waits.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(valid).isNotNull();
      assertThat(valid.getOrderId()).isEqualTo("o-2");
      List<String> deadLetters = backend.deadLetters("payment:created", 2).stream()
          .map(b -> new String(b, StandardCharsets.UTF_8)).toList();
      assertThat(deadLetters).hasSize(2);
      assertThat(deadLetters).anySatisfy(d -> assertThat(d).contains("UNPARSEABLE_PAYLOAD").contains("protobuf"));
      assertThat(deadLetters).anySatisfy(d -> assertThat(d).contains("INVALID_PAYLOAD").contains("orderId"));
      assertThat(received).isEmpty();
    }
  }
}
