package io.eventcontracts.samples.orders;

import io.eventcontracts.ticketing.OrderCancelledEvent;
import io.eventcontracts.ticketing.OrderCancelledTicket;
import io.eventcontracts.ticketing.OrderCreatedEvent;
import io.eventcontracts.ticketing.OrderCreatedTicket;
import io.eventcontracts.ticketing.OrderStatus;
import java.time.ZoneOffset;

/** The one place orders turns its records into generated events. */
final class OrderEvents {

  private OrderEvents() {}

  static OrderCreatedEvent created(Order o, ReplicatedTicket t) {
    return OrderCreatedEvent.builder()
        .withId(o.id())
        .withVersion(o.version())
        .withStatus(OrderStatus.fromValue(o.status()))
        .withUserId(o.userId())
        .withExpiresAt(o.expiresAt().atOffset(ZoneOffset.UTC))
        .withTicket(new OrderCreatedTicket(t.id(), t.price()))
        .build();
  }

  static OrderCancelledEvent cancelled(Order o) {
    return OrderCancelledEvent.builder()
        .withId(o.id())
        .withVersion(o.version())
        .withTicket(new OrderCancelledTicket(o.ticketId()))
        .build();
  }
}
