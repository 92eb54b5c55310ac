package io.eventcontracts.samples.tickets;

import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.samples.support.EventLog;
import io.eventcontracts.ticketing.OrderCreatedEvent;
import io.eventcontracts.ticketing.OrderCreatedListener;
import org.springframework.stereotype.Component;

/** order:created reserves the ticket (and publishes ticket:updated through the outbox). */
@Component
class OrderCreatedHandler extends OrderCreatedListener {

  private final TicketService tickets;
  private final EventLog log;

  OrderCreatedHandler(EventClient client, TicketService tickets, EventLog log) {
    super(client);
    this.tickets = tickets;
    this.log = log;
  }

  @Override
  protected String queueGroupName() {
    return "tickets-service";
  }

  @Override
  public void onMessage(OrderCreatedEvent event, MessageContext context) {
    boolean changed = tickets.reserve(event.getTicket().getId(), event.getId());
    log.handled(subject(), event.getVersion(), context,
        changed ? "ticket " + event.getTicket().getId() + " reserved" : "already reserved (duplicate)");
    context.ack();
  }
}
