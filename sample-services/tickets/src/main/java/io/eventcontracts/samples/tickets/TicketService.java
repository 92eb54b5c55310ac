package io.eventcontracts.samples.tickets;

import io.eventcontracts.samples.support.ApiException;
import io.eventcontracts.samples.support.CurrentUser;
import io.eventcontracts.samples.support.Outbox;
import io.eventcontracts.ticketing.EventTypes;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ticket changes; each one and its event commit together (outbox). */
@Service
public class TicketService {

  private final TicketStore store;
  private final Outbox outbox;

  TicketService(TicketStore store, Outbox outbox) {
    this.store = store;
    this.outbox = outbox;
  }

  @Transactional
  public Ticket create(CurrentUser user, String title, BigDecimal price) {
    check(title, price);
    Ticket ticket = new Ticket(UUID.randomUUID().toString(), title, price, user.id(), null, 0);
    store.insert(ticket);
    outbox.add(EventTypes.TICKET_CREATED, TicketEvents.created(ticket));
    return ticket;
  }

  @Transactional
  public Ticket update(CurrentUser user, String id, String title, BigDecimal price) {
    Ticket ticket = store.find(id).orElseThrow(() -> ApiException.notFound("ticket " + id));
    if (!ticket.userId().equals(user.id())) {
      throw ApiException.notAuthorized();
    }
    if (ticket.reserved()) {
      throw ApiException.badRequest("Cannot edit a reserved ticket");
    }
    check(title, price);
    return save(new Ticket(id, title, price, ticket.userId(), null, ticket.version() + 1));
  }

  /** order:created: the ticket is reserved by {@code orderId}. False when it already was (a redelivery). */
  @Transactional
  public boolean reserve(String ticketId, String orderId) {
    Ticket t = store.find(ticketId).orElseThrow(() -> new IllegalStateException("ticket " + ticketId + " not found"));
    if (orderId.equals(t.orderId())) {
      return false;
    }
    save(new Ticket(t.id(), t.title(), t.price(), t.userId(), orderId, t.version() + 1));
    return true;
  }

  /** order:cancelled: the ticket is free again. False when it was not reserved by that order (a redelivery). */
  @Transactional
  public boolean release(String ticketId, String orderId) {
    Ticket t = store.find(ticketId).orElseThrow(() -> new IllegalStateException("ticket " + ticketId + " not found"));
    if (!orderId.equals(t.orderId())) {
      return false;
    }
    save(new Ticket(t.id(), t.title(), t.price(), t.userId(), null, t.version() + 1));
    return true;
  }

  private Ticket save(Ticket changed) {
    store.update(changed);
    outbox.add(EventTypes.TICKET_UPDATED, TicketEvents.updated(changed));
    return changed;
  }

  private static void check(String title, BigDecimal price) {
    if (title == null || title.isBlank()) {
      throw ApiException.badRequest("Title is required");
    }
    if (price == null || price.signum() <= 0) {
      throw ApiException.badRequest("Price must be greater than 0");
    }
  }
}
