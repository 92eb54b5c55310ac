package io.eventcontracts.benchmarks;

import io.eventcontracts.runtime.EventType;
import io.eventcontracts.ticketing.EventTypes;
import io.eventcontracts.ticketing.OrderCreatedEvent;
import io.eventcontracts.ticketing.OrderCreatedTicket;
import io.eventcontracts.ticketing.OrderStatus;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The two events of the JSON vs protobuf benchmarks ({@link PayloadCodecBenchmark}, {@link JetStreamFormatBenchmark}):
 * {@code ticket:created} (five flat fields) and {@code order:created} (enum, date-time, nested object), both twins in
 * JSON Schema and Protobuf. Ids as the seed's MongoDB ids.
 */
final class FormatEvents {

  private FormatEvents() {}

  /** The event type of a subject. */
  @SuppressWarnings("unchecked")
  static EventType<Object> type(String subject) {
    return (EventType<Object>) (EventType<?>) switch (subject) {
      case "ticket:created" -> EventTypes.TICKET_CREATED;
      case "order:created" -> EventTypes.ORDER_CREATED;
      default -> throw new IllegalArgumentException("no benchmark event for " + subject);
    };
  }

  /** A realistic event of a subject. */
  static Object event(String subject) {
    return switch (subject) {
      case "ticket:created" -> TicketCreatedEvent.builder()
          .withId("5f9d7b3a8c1e2d0017a4b6c1")
          .withVersion(0L)
          .withTitle("The Midnight Echoes - Spring Tour, Row 12 Seat 7")
          .withPrice(new BigDecimal("85.5"))
          .withUserId("5f9d7b3a8c1e2d0017a4b6aa")
          .build();
      case "order:created" -> OrderCreatedEvent.builder()
          .withId("5f9d7b3a8c1e2d0017a4b6d2")
          .withVersion(0L)
          .withStatus(OrderStatus.AWAITING_PAYMENT)
          .withUserId("5f9d7b3a8c1e2d0017a4b6aa")
          .withExpiresAt(OffsetDateTime.parse("2024-05-01T10:15:00.250Z"))
          .withTicket(OrderCreatedTicket.builder().withId("5f9d7b3a8c1e2d0017a4b6c1")
              .withPrice(new BigDecimal("85.5")).build())
          .build();
      default -> throw new IllegalArgumentException("no benchmark event for " + subject);
    };
  }
}
