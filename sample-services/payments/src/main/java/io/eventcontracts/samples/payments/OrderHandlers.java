package io.eventcontracts.samples.payments;

import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.samples.payments.PaymentService.PaidOrder;
import io.eventcontracts.samples.support.EventLog;
import io.eventcontracts.ticketing.OrderCancelledEvent;
import io.eventcontracts.ticketing.OrderCancelledListener;
import io.eventcontracts.ticketing.OrderCreatedEvent;
import io.eventcontracts.ticketing.OrderCreatedListener;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** order:created and order:cancelled keep the payments service's copy of orders. */
@Configuration(proxyBeanMethods = false)
class OrderHandlers {

  static final String QUEUE_GROUP = "payments-service";

  @Bean
  OrderCreatedListener paymentsOrderCreatedHandler(EventClient client, PaymentService payments, EventLog log) {
    return new OrderCreatedListener(client) {
      @Override
      protected String queueGroupName() {
        return QUEUE_GROUP;
      }

      @Override
      public void onMessage(OrderCreatedEvent e, MessageContext context) {
        boolean stored = payments.orderCreated(new PaidOrder(e.getId(), e.getUserId(),
            e.getTicket().getPrice(), e.getStatus().value(),
            e.getVersion()));
        log.handled(subject(), e.getVersion(), context,
            stored ? "order " + e.getId() + " can be paid" : "already known (duplicate)");
        context.ack();
      }
    };
  }

  @Bean
  OrderCancelledListener paymentsOrderCancelledHandler(EventClient client, PaymentService payments, EventLog log) {
    return new OrderCancelledListener(client) {
      @Override
      protected String queueGroupName() {
        return QUEUE_GROUP;
      }

      @Override
      public void onMessage(OrderCancelledEvent e, MessageContext context) {
        Optional<String> outcome = payments.orderCancelled(e.getId(), e.getVersion());
        log.handled(subject(), e.getVersion(), context,
            outcome.orElse("previous version missing: not acked, will be redelivered"));
        if (outcome.isPresent()) {
          context.ack();
        }
      }
    };
  }
}
