package io.eventcontracts.samples.tickets;

import io.eventcontracts.ticketing.TicketCreatedEvent;
import io.eventcontracts.ticketing.TicketUpdatedEvent;

/** The one place tickets turns a {@link Ticket} into generated events. */
final class TicketEvents {

  private TicketEvents() {}

  static TicketCreatedEvent created(Ticket t) {
    return TicketCreatedEvent.builder()
        .withId(t.id())
        .withVersion(t.version())
        .withTitle(t.title())
        .withPrice(t.price())
        .withUserId(t.userId())
        .build();
  }

  static TicketUpdatedEvent updated(Ticket t) {
    return TicketUpdatedEvent.builder()
        .withId(t.id())
        .withVersion(t.version())
        .withTitle(t.title())
        .withPrice(t.price())
        .withUserId(t.userId())
        .withOrderId(t.orderId())
        .build();
  }
}
