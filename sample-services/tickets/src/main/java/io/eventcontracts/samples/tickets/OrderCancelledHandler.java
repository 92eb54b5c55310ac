package io.eventcontracts.samples.tickets;

import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.samples.support.EventLog;
import io.eventcontracts.ticketing.OrderCancelledEvent;
import io.eventcontracts.ticketing.OrderCancelledListener;
import org.springframework.stereotype.Component;

/** order:cancelled releases the ticket (and publishes ticket:updated through the outbox). */
@Component
class OrderCancelledHandler extends OrderCancelledListener {

  private final TicketService tickets;
  private final EventLog log;

  OrderCancelledHandler(EventClient client, TicketService tickets, EventLog log) {
    super(client);
    this.tickets = tickets;
    this.log = log;
  }

  @Override
  protected String queueGroupName() {
    return "tickets-service";
  }

  @Override
  public void onMessage(OrderCancelledEvent event, MessageContext context) {
    boolean changed = tickets.release(event.getTicket().getId(), event.getId());
    log.handled(subject(), event.getVersion(), context,
        changed ? "ticket " + event.getTicket().getId() + " released" : "not reserved by this order (duplicate)");
    context.ack();
  }
}
