package io.eventcontracts.samples.orders;

import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.samples.orders.OrderService.Replication;
import io.eventcontracts.samples.support.EventLog;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import io.eventcontracts.ticketing.TicketCreatedListener;
import io.eventcontracts.ticketing.TicketUpdatedEvent;
import io.eventcontracts.ticketing.TicketUpdatedListener;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The orders service's copy of tickets, kept by ticket:created and ticket:updated with the seed's version rule.
 * An event that arrives ahead of its predecessor is not acked: the server redelivers it after the ack wait, by
 * when the predecessor has been applied.
 */
@Configuration(proxyBeanMethods = false)
class TicketReplicationHandlers {

  static final String QUEUE_GROUP = "orders-service";

  @Bean
  TicketCreatedListener ticketCreatedHandler(EventClient client, OrderService orders, EventLog log,
      @Value("${orders.ticket-ack-wait:5s}") Duration ackWait) {
    return new TicketCreatedListener(client) {
      @Override
      protected String queueGroupName() {
        return QUEUE_GROUP;
      }

      @Override
      protected Duration ackWait() {
        return ackWait;
      }

      @Override
      public void onMessage(TicketCreatedEvent e, MessageContext context) {
        Replication result = orders.ticketCreated(new ReplicatedTicket(e.getId(), e.getTitle(),
            e.getPrice(), e.getVersion()));
        log.handled(subject(), e.getVersion(), context, outcome(result, e.getId()));
        context.ack();
      }
    };
  }

  @Bean
  TicketUpdatedListener ticketUpdatedHandler(EventClient client, OrderService orders, EventLog log,
      @Value("${orders.ticket-ack-wait:5s}") Duration ackWait) {
    return new TicketUpdatedListener(client) {
      @Override
      protected String queueGroupName() {
        return QUEUE_GROUP;
      }

      @Override
      protected Duration ackWait() {
        return ackWait;
      }

      @Override
      public void onMessage(TicketUpdatedEvent e, MessageContext context) {
        Replication result = orders.ticketUpdated(new ReplicatedTicket(e.getId(), e.getTitle(),
            e.getPrice(), e.getVersion()));
        log.handled(subject(), e.getVersion(), context, outcome(result, e.getId()));
        if (result != Replication.OUT_OF_ORDER) {
          context.ack();
        }
      }
    };
  }

  static String outcome(Replication result, String ticketId) {
    return switch (result) {
      case APPLIED -> "ticket " + ticketId + " replicated";
      case DUPLICATE -> "already applied (duplicate), acked";
      case OUT_OF_ORDER -> "previous version missing: not acked, will be redelivered";
    };
  }
}
