package io.eventcontracts.samples.orders;

import io.eventcontracts.samples.support.ApiException;
import io.eventcontracts.samples.support.CurrentUser;
import io.eventcontracts.samples.support.Outbox;
import io.eventcontracts.ticketing.EventTypes;
import io.eventcontracts.ticketing.OrderStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Order changes and ticket replication; each change and its event commit together (outbox). */
@Service
public class OrderService {

  /** What applying a replicated ticket event did. */
  public enum Replication {
    /** The event was the next version: stored. */
    APPLIED,
    /** The event's version is not newer than the stored one: a redelivery, nothing to do. */
    DUPLICATE,
    /** A predecessor is missing: leave the event unacked so the server redelivers it later, in order. */
    OUT_OF_ORDER
  }

  private final OrderStore store;
  private final Outbox outbox;
  private final Clock clock;
  private final Duration window;

  OrderService(OrderStore store, Outbox outbox, Clock clock,
      @Value("${orders.expiration-window:15m}") Duration window) {
    this.store = store;
    this.outbox = outbox;
    this.clock = clock;
    this.window = window;
  }

  @Transactional
  public Order create(CurrentUser user, String ticketId) {
    if (ticketId == null || ticketId.isBlank()) {
      throw ApiException.badRequest("TicketId must be provided");
    }
    ReplicatedTicket ticket = store.ticket(ticketId).orElseThrow(() -> ApiException.notFound("ticket " + ticketId));
    if (store.reserved(ticketId)) {
      throw ApiException.badRequest("Ticket is already reserved");
    }
    Order order = new Order(UUID.randomUUID().toString(), user.id(), OrderStatus.CREATED.value(),
        clock.instant().plus(window), ticketId, 0);
    store.insertOrder(order);
    outbox.add(EventTypes.ORDER_CREATED, OrderEvents.created(order, ticket));
    return order;
  }

  @Transactional
  public Order cancel(CurrentUser user, String orderId) {
    Order order = owned(user, orderId);
    if (OrderStatus.COMPLETE.value().equals(order.status())) {
      throw ApiException.badRequest("Cannot cancel a paid order");
    }
    return cancelled(order);
  }

  public Order owned(CurrentUser user, String orderId) {
    Order order = store.order(orderId).orElseThrow(() -> ApiException.notFound("order " + orderId));
    if (!order.userId().equals(user.id())) {
      throw ApiException.notAuthorized();
    }
    return order;
  }

  /** expiration:complete: cancel unless paid or already cancelled. Returns the outcome for the event log. */
  @Transactional
  public String expire(String orderId) {
    Order order = store.order(orderId).orElseThrow(() -> new IllegalStateException("order " + orderId + " not found"));
    if (OrderStatus.COMPLETE.value().equals(order.status())) {
      return "order " + orderId + " is paid: stays complete";
    }
    if (OrderStatus.CANCELLED.value().equals(order.status())) {
      return "order " + orderId + " already cancelled";
    }
    cancelled(order);
    return "order " + orderId + " expired: cancelled";
  }

  /** payment:created: the order is complete. */
  @Transactional
  public String complete(String orderId) {
    Order order = store.order(orderId).orElseThrow(() -> new IllegalStateException("order " + orderId + " not found"));
    if (OrderStatus.COMPLETE.value().equals(order.status())) {
      return "order " + orderId + " already complete (duplicate)";
    }
    store.updateOrder(order.withStatus(OrderStatus.COMPLETE.value()));
    return "order " + orderId + " complete";
  }

  /** ticket:created: store the copy; a repeat is a duplicate. */
  @Transactional
  public Replication ticketCreated(ReplicatedTicket ticket) {
    if (store.ticket(ticket.id()).isPresent()) {
      return Replication.DUPLICATE;
    }
    store.insertTicket(ticket);
    return Replication.APPLIED;
  }

  /** ticket:updated with the seed's version rule: apply only when {@code version == stored + 1}. */
  @Transactional
  public Replication ticketUpdated(ReplicatedTicket ticket) {
    ReplicatedTicket stored = store.ticket(ticket.id()).orElse(null);
    if (stored == null) {
      return Replication.OUT_OF_ORDER; // ticket:created not applied yet
    }
    if (ticket.version() <= stored.version()) {
      return Replication.DUPLICATE;
    }
    if (ticket.version() != stored.version() + 1) {
      return Replication.OUT_OF_ORDER;
    }
    store.updateTicket(ticket);
    return Replication.APPLIED;
  }

  private Order cancelled(Order order) {
    Order cancelled = order.withStatus(OrderStatus.CANCELLED.value());
    store.updateOrder(cancelled);
    outbox.add(EventTypes.ORDER_CANCELLED, OrderEvents.cancelled(cancelled));
    return cancelled;
  }
}
