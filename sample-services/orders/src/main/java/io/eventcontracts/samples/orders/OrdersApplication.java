package io.eventcontracts.samples.orders;

import io.eventcontracts.samples.support.SampleApplication;
import io.eventcontracts.samples.support.ServiceSupportConfiguration;
import io.eventcontracts.spring.EventPublishers;
import io.eventcontracts.ticketing.OrderCancelledPublisher;
import io.eventcontracts.ticketing.OrderCreatedPublisher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The orders service: orders reserve a replicated ticket until they expire, are cancelled or paid. */
@SpringBootApplication
@Import(ServiceSupportConfiguration.class)
@EventPublishers({OrderCreatedPublisher.class, OrderCancelledPublisher.class})
public class OrdersApplication {

  public static final String NAME = "orders";

  public static void main(String[] args) {
    SampleApplication.run(OrdersApplication.class, NAME, args);
  }
}
