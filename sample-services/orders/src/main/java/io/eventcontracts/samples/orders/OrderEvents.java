package io.eventcontracts.samples.orders;

import io.eventcontracts.ticketing.OrderCancelledEvent;
import io.eventcontracts.ticketing.OrderCancelledTicket;
import io.eventcontracts.ticketing.OrderCreatedEvent;
import io.eventcontracts.ticketing.OrderCreatedTicket;
import io.eventcontracts.ticketing.OrderStatus;
import java.math.BigDecimal;

/** The one place orders turns its records into generated events and reads numbers out of them. */
final class OrderEvents {

  private OrderEvents() {}

  static OrderCreatedEvent created(Order o, ReplicatedTicket t) {
    return OrderCreatedEvent.builder()
        .withId(o.id())
        .withVersion((int) o.version())
        .withStatus(OrderStatus.fromValue(o.status()))
        .withUserId(o.userId())
        .withExpiresAt(o.expiresAt())
        .withTicket(new OrderCreatedTicket(t.id(), t.price().doubleValue()))
        .build();
  }

  static OrderCancelledEvent cancelled(Order o) {
    return OrderCancelledEvent.builder()
        .withId(o.id())
        .withVersion((int) o.version())
        .withTicket(new OrderCancelledTicket(o.ticketId()))
        .build();
  }

  /** A version from an event, whatever integral type the generator chose for it. */
  static long version(Number version) {
    return version.longValue();
  }

  /** A price from an event, exact whether the generator chose Double or BigDecimal. */
  static BigDecimal price(Number price) {
    return new BigDecimal(price.toString());
  }
}
