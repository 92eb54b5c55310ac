package io.eventcontracts.samples.orders;

import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.samples.support.EventLog;
import io.eventcontracts.ticketing.ExpirationCompleteEvent;
import io.eventcontracts.ticketing.ExpirationCompleteListener;
import io.eventcontracts.ticketing.PaymentCreatedEvent;
import io.eventcontracts.ticketing.PaymentCreatedListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** expiration:complete cancels an unpaid order; payment:created completes it. */
@Configuration(proxyBeanMethods = false)
class OrderLifecycleHandlers {

  @Bean
  ExpirationCompleteListener expirationCompleteHandler(EventClient client, OrderService orders, EventLog log) {
    return new ExpirationCompleteListener(client) {
      @Override
      protected String queueGroupName() {
        return TicketReplicationHandlers.QUEUE_GROUP;
      }

      @Override
      public void onMessage(ExpirationCompleteEvent e, MessageContext context) {
        log.handled(subject(), null, context, orders.expire(e.getOrderId()));
        context.ack();
      }
    };
  }

  @Bean
  PaymentCreatedListener paymentCreatedHandler(EventClient client, OrderService orders, EventLog log) {
    return new PaymentCreatedListener(client) {
      @Override
      protected String queueGroupName() {
        return TicketReplicationHandlers.QUEUE_GROUP;
      }

      @Override
      public void onMessage(PaymentCreatedEvent e, MessageContext context) {
        log.handled(subject(), null, context, orders.complete(e.getOrderId()));
        context.ack();
      }
    };
  }
}
