package io.eventcontracts.integration.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.eventcontracts.integration.backend.JetStreamBackend;
import io.eventcontracts.integration.backend.Waits;
import io.eventcontracts.runtime.ClientOptions;
import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.ListenOptions;
import io.eventcontracts.runtime.PayloadFormat;
import io.eventcontracts.ticketing.EventTypes;
import io.eventcontracts.ticketing.OrderCreatedEvent;
import io.eventcontracts.ticketing.OrderStatus;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import io.eventcontracts.ticketing.proto.OrderCreated;
import io.eventcontracts.ticketing.proto.TicketCreated;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Validation rules declared in a {@code .proto} contract with protovalidate ({@code (buf.validate.field)}) are
 * enforced on protobuf payloads by the receiving runtime, over a real nats-server with JetStream: orders.proto holds
 * order:created's {@code status} to {@code string.in} values, tickets.proto forbids a negative price
 * ({@code double.gte = 0}). A protobuf payload that parses but breaks such a rule is dead-lettered with the rule's
 * field in the reason; a valid one is delivered as the typed event.
 */
class ProtovalidateRulesTest {

  private static final Map<String, String> PROTOBUF = Map.of("Content-Type", PayloadFormat.PROTOBUF.contentType());

  private static OrderCreated.Builder order(String id, String status) {
    return OrderCreated.newBuilder().setId(id).setVersion(0).setStatus(status).setUserId("u-1")
        .setExpiresAt(Timestamp.newBuilder().setSeconds(1_714_557_600L))
        .setTicket(OrderCreated.Ticket.newBuilder().setId("t-1").setPrice(20));
  }

  @Test
  void protobufPayloadsBreakingDeclaredRulesAreDeadLetteredWithTheRule() throws Exception {
    try (JetStreamBackend backend = JetStreamBackend.start();
        EventClient listening = EventClient.create(backend.connect("tickets"),
            ClientOptions.builder().closeOnShutdown(false).build())) {
      BlockingQueue<OrderCreatedEvent> orders = new LinkedBlockingQueue<>();
      BlockingQueue<TicketCreatedEvent> tickets = new LinkedBlockingQueue<>();
      listening.subscribe(EventTypes.ORDER_CREATED, ListenOptions.of("tickets"), (event, context) -> {
        orders.add(event);
        context.ack();
      });
      listening.subscribe(EventTypes.TICKET_CREATED, ListenOptions.of("orders"), (event, context) -> {
        tickets.add(event);
        context.ack();
      });

      // string.in: "pending" is no order status; awaiting_payment is the proto-identifier spelling, not the value
      backend.publishRaw("order:created", order("o-1", "pending").build().toByteArray(), PROTOBUF);
      backend.publishRaw("order:created", order("o-2", "awaiting_payment").build().toByteArray(), PROTOBUF);
      // double.gte = 0 on the nested ticket's price
      backend.publishRaw("order:created", order("o-3", "created")
          .setTicket(OrderCreated.Ticket.newBuilder().setId("t-1").setPrice(-0.5)).build().toByteArray(), PROTOBUF);
      // double.gte = 0 on ticket:created's price
      backend.publishRaw("ticket:created", TicketCreated.newBuilder().setId("t-2").setVersion(0).setTitle("Opera")
          .setPrice(-1).setUserId("u-2").build().toByteArray(), PROTOBUF);
      backend.publishRaw("order:created", order("o-4", "awaiting:payment").build().toByteArray(), PROTOBUF);

      OrderCreatedEvent valid = orders.poll(Waits.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(valid).isNotNull();
      assertThat(valid.getId()).isEqualTo("o-4");
      assertThat(valid.getStatus()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
      assertThat(valid.getExpiresAt()).isEqualTo(OffsetDateTime.parse("2024-05-01T10:00:00Z"));

      List<String> orderLetters = backend.deadLetters("order:created", 3).stream()
          .map(b -> new String(b, StandardCharsets.UTF_8)).toList();
      assertThat(orderLetters).hasSize(3).allSatisfy(d -> assertThat(d).contains("INVALID_PAYLOAD"));
      assertThat(orderLetters).filteredOn(d -> d.contains("o-1"))
          .singleElement().satisfies(d -> assertThat(d).contains("/status"));
      assertThat(orderLetters).filteredOn(d -> d.contains("o-2")).singleElement()
          .satisfies(d -> assertThat(d).contains("/status"));
      assertThat(orderLetters).filteredOn(d -> d.contains("o-3")).singleElement()
          .satisfies(d -> assertThat(d).contains("/ticket/price"));
      List<String> ticketLetters = backend.deadLetters("ticket:created", 1).stream()
          .map(b -> new String(b, StandardCharsets.UTF_8)).toList();
      assertThat(ticketLetters).singleElement()
          .satisfies(d -> assertThat(d).contains("INVALID_PAYLOAD").contains("/price"));
      assertThat(orders).isEmpty();
      assertThat(tickets).isEmpty();
    }
  }
}
